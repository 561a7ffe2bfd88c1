package io.torghut.prober.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link SecretsLeakTest} reads the log: the prober's own stack traces count, Vert.x' blocked-thread warning (what a
 * starved CI machine prints) does not, and nothing that merely looks like it slips through.
 */
class LogRecordsTest {
    static final String PREFIX = "2026-11-29 05:57:41,451 vm /usr/lib/jvm/java-17-openjdk-amd64/bin/java[31953] ";
    static final List<String> BLOCKED = List.of(
            PREFIX + "WARN  [io.ver.cor.imp.BlockedThreadChecker] (vertx-blocked-thread-checker) Thread Thread[vert.x-eventloop-thread-1,5,main]"
                    + " has been blocked for 2481 ms, time limit is 2000 ms",
            "io.vertx.core.VertxException: Thread blocked",
            "\tat java.base/java.lang.String.indexOf(String.java:1)",
            "\tat io.vertx.core.impl.ContextImpl.execute(ContextImpl.java:1)");

    @Test
    void aBlockedThreadWarningIsNotAStackTraceOfTheProber() {
        List<String> log = new java.util.ArrayList<>(List.of(PREFIX + "INFO  [io.tor.pro.pol.VerdictTracker] (probe-worker-6) verdict HEALTHY"));
        log.addAll(BLOCKED);
        log.add(PREFIX + "INFO  [io.tor.pro.pol.VerdictTracker] (probe-worker-2) verdict PAUSE_RECOMMENDED");
        LogRecords records = LogRecords.parse(log);
        assertEquals(3, records.entries().size());
        assertEquals(BLOCKED, records.entries().get(1).lines(), "the warning keeps its stack lines, so the secret check still reads them");
        assertEquals(List.of(), records.stackTraces());
    }

    @Test
    void theProbersOwnStackTraceCounts() {
        List<String> log = List.of(PREFIX + "ERROR [io.tor.pro.pro.ProbeRunner] (probe-worker-1) probe clickhouse failed",
                "java.lang.IllegalStateException: boom", "\tat io.torghut.prober.feature.probe.clickhouse.ClickHouseProbe.run(ClickHouseProbe.java:42)");
        assertEquals(1, LogRecords.parse(log).stackTraces().size());
    }

    @Test
    void somethingThatOnlyLooksLikeTheWarningCounts() {
        // Another logger quoting the words, or the warning with another exception under it, is not Vert.x' warning.
        List<String> otherLogger = List.of(BLOCKED.get(0).replace("io.ver.cor.imp.BlockedThreadChecker", "io.tor.pro.pau.PauseService"),
                BLOCKED.get(1), BLOCKED.get(2));
        List<String> otherException = List.of(BLOCKED.get(0), "java.lang.IllegalStateException: Thread blocked", BLOCKED.get(2));
        List<String> error = List.of(BLOCKED.get(0).replace("WARN ", "ERROR"), BLOCKED.get(1), BLOCKED.get(2));
        for (List<String> log : List.of(otherLogger, otherException, error)) {
            assertEquals(1, LogRecords.parse(log).stackTraces().size(), log.toString());
        }
    }

    @Test
    void aStackTraceWithoutATimestampedHeaderStillCounts() {
        assertEquals(1, LogRecords.parse(List.of("java.lang.RuntimeException: x", "\tat a.B.c(B.java:1)")).stackTraces().size());
    }
}
