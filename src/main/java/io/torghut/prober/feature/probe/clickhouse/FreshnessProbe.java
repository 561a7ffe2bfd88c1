package io.torghut.prober.feature.probe.clickhouse;

import io.torghut.prober.adapter.clickhouse.ClickHouseClient;
import io.torghut.prober.feature.probe.Probe;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import java.time.Duration;

/**
 * Age of the newest row of one table, computed by ClickHouse itself ({@code now() - max(column)}) so that clock
 * skew between the prober and ClickHouse does not matter. An empty table or a failed query is unknown, and unknown
 * is reported as a failure: the policy counts it as stale.
 */
public final class FreshnessProbe implements Probe {
    private final String table;
    private final String column;
    private final Duration maxAge;
    private final ClickHouseClient clickhouse;

    /** {@code table} and {@code column} are validated identifiers (see the config), so they may go into SQL. */
    public FreshnessProbe(String table, String column, Duration maxAge, ClickHouseClient clickhouse) {
        this.table = table;
        this.column = column;
        this.maxAge = maxAge;
        this.clickhouse = clickhouse;
    }

    /** Works on ClickHouse 18.16 (DateTime) and current servers (DateTime64): both convert with toUnixTimestamp. */
    String sql() {
        return "SELECT count() AS rows, toInt64(toUnixTimestamp(now())) - toInt64(toUnixTimestamp(max(" + column + ")))"
                + " AS age_seconds FROM " + table + " FORMAT TabSeparated";
    }

    @Override
    public ProbeOutcome check(Duration budget) {
        try {
            return judge(clickhouse.query(sql(), budget));
        } catch (ProbeFailure failure) {
            return ProbeOutcome.fail(failure.reason(), table + ": " + failure.getMessage());
        }
    }

    ProbeOutcome judge(String body) {
        String[] fields = body.strip().split("\t");
        long rows;
        long ageSeconds;
        try {
            if (fields.length != 2) {
                throw new NumberFormatException();
            }
            rows = Long.parseLong(fields[0].trim());
            ageSeconds = Long.parseLong(fields[1].trim());
        } catch (NumberFormatException e) {
            return ProbeOutcome.fail(FailureReason.PARSE, table + ": unexpected answer to the freshness query");
        }
        if (rows == 0) {
            return ProbeOutcome.fail(FailureReason.NO_DATA, table + " is empty: freshness unknown, counted as stale");
        }
        // Rows stamped in the future (writer clock ahead) are as fresh as it gets; a negative age would confuse alerts.
        Duration age = Duration.ofSeconds(Math.max(0, ageSeconds));
        String what = table + "." + column + " newest row is " + ageSeconds + "s old (max " + maxAge.toSeconds() + "s)";
        if (age.compareTo(maxAge) > 0) {
            return ProbeOutcome.fail(FailureReason.STALE, what).withAge(age);
        }
        return ProbeOutcome.ok(what).withAge(age);
    }
}
