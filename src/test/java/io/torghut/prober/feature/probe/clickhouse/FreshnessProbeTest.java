package io.torghut.prober.feature.probe.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.adapter.clickhouse.ClickHouseClient;
import io.torghut.prober.adapter.clickhouse.ClickHouseEndpoint;
import io.torghut.prober.adapter.http.FakeHttpFetcher;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshnessProbeTest {

    private static FreshnessProbe probe(FakeHttpFetcher http) {
        ClickHouseClient clickhouse = new ClickHouseClient(ClickHouseEndpoint.parse("http://ch:8123"), "torghut",
                Optional.of("s3cret-ch-pass"), http);
        return new FreshnessProbe("torghut.ta_signals", "event_ts", Duration.ofMinutes(5), clickhouse);
    }

    private static final FreshnessProbe PROBE = probe(FakeHttpFetcher.replying(200, Map.of(), ""));

    /** Columns: TabSeparated body | success | reason | age in seconds (empty: none) | detail. */
    @ParameterizedTest(name = "[{index}] {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "1200\t42\n"           | true  | NONE    | 42  | torghut.ta_signals.event_ts newest row is 42s old (max 300s)
            "1200\t300\n"          | true  | NONE    | 300 | torghut.ta_signals.event_ts newest row is 300s old (max 300s)
            "1200\t301\n"          | false | STALE   | 301 | torghut.ta_signals.event_ts newest row is 301s old (max 300s)
            "5\t86400"             | false | STALE   | 86400 | torghut.ta_signals.event_ts newest row is 86400s old (max 300s)
            # rows stamped in the future: age clamped to zero, the raw figure kept in the detail
            "7\t-12\n"             | true  | NONE    | 0   | torghut.ta_signals.event_ts newest row is -12s old (max 300s)
            # an empty table: max() is 1970, the count says there is nothing to judge
            "0\t1772000000\n"      | false | NO_DATA |     | torghut.ta_signals is empty: freshness unknown, counted as stale
            # anything else cannot be understood
            ""                     | false | PARSE   |     | torghut.ta_signals: unexpected answer to the freshness query
            "Ok.\n"                | false | PARSE   |     | torghut.ta_signals: unexpected answer to the freshness query
            "12\t\n"               | false | PARSE   |     | torghut.ta_signals: unexpected answer to the freshness query
            "12\t4.5\n"            | false | PARSE   |     | torghut.ta_signals: unexpected answer to the freshness query
            "12\t4\t9\n"           | false | PARSE   |     | torghut.ta_signals: unexpected answer to the freshness query
            "<html>oops</html>"    | false | PARSE   |     | torghut.ta_signals: unexpected answer to the freshness query
            """)
    void judge(String body, boolean success, FailureReason reason, Long ageSeconds, String detail) {
        ProbeOutcome outcome = PROBE.judge(body.replace("\\t", "\t").replace("\\n", "\n"));
        assertEquals(success, outcome.success());
        assertEquals(reason, outcome.reason());
        assertEquals(Optional.ofNullable(ageSeconds).map(Duration::ofSeconds), outcome.age());
        assertEquals(detail, outcome.detail());
    }

    @Test
    void sqlLetsClickHouseComputeTheAge() {
        assertEquals("SELECT count() AS rows, toInt64(toUnixTimestamp(now())) - toInt64(toUnixTimestamp(max(event_ts)))"
                + " AS age_seconds FROM torghut.ta_signals FORMAT TabSeparated", PROBE.sql());
    }

    @Test
    void checkSendsTheSqlAndJudgesTheAnswer() {
        FakeHttpFetcher http = FakeHttpFetcher.replying(200, Map.of(), "10\t5\n");
        FreshnessProbe probe = probe(http);
        ProbeOutcome outcome = probe.check(Duration.ofSeconds(4));
        assertEquals(Optional.of(Duration.ofSeconds(5)), outcome.age());
        assertEquals(probe.sql(), http.calls().get(0).body());
        assertEquals(Duration.ofSeconds(4), http.calls().get(0).deadline());
    }

    @Test
    void aFailedQueryIsUnknownWithTheClientsReason() {
        FreshnessProbe probe = probe(FakeHttpFetcher.replying(404, Map.of("X-ClickHouse-Exception-Code", "60"),
                "Code: 60. DB::Exception: Table torghut.ta_signals does not exist. (UNKNOWN_TABLE)"));
        ProbeOutcome outcome = probe.check(Duration.ofSeconds(4));
        assertEquals(FailureReason.QUERY, outcome.reason());
        assertEquals(Optional.empty(), outcome.age());
        assertEquals("torghut.ta_signals: ClickHouse at http://ch:8123 failed the query: code 60: "
                + "Table torghut.ta_signals does not exist. (UNKNOWN_TABLE)", outcome.detail());
    }
}
