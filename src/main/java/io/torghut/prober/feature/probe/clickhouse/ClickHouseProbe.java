package io.torghut.prober.feature.probe.clickhouse;

import io.torghut.prober.adapter.clickhouse.ClickHouseClient;
import io.torghut.prober.feature.probe.Probe;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import java.time.Duration;

/** ClickHouse is up ({@code /ping}) and accepts the configured credentials ({@code SELECT 1}). */
public final class ClickHouseProbe implements Probe {
    private final ClickHouseClient clickhouse;

    public ClickHouseProbe(ClickHouseClient clickhouse) {
        this.clickhouse = clickhouse;
    }

    @Override
    public ProbeOutcome check(Duration budget) {
        long start = System.nanoTime();
        try {
            clickhouse.ping(budget);
            Duration left = budget.minusNanos(System.nanoTime() - start);
            if (left.isNegative() || left.isZero()) {
                return ProbeOutcome.fail(FailureReason.TIMEOUT, "ClickHouse answered /ping but no time was left for SELECT 1");
            }
            String answer = clickhouse.query("SELECT 1 FORMAT TabSeparated", left).strip();
            if (!"1".equals(answer)) {
                return ProbeOutcome.fail(FailureReason.PARSE, "ClickHouse answered SELECT 1 with something other than 1");
            }
            return ProbeOutcome.ok("ClickHouse at " + clickhouse.endpoint().display() + " answers /ping and SELECT 1");
        } catch (ProbeFailure failure) {
            return ProbeOutcome.from(failure);
        }
    }
}
