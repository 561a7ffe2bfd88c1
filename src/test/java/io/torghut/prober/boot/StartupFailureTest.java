package io.torghut.prober.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.boot.config.StartupConfig;
import io.torghut.prober.shared.ConfigProblem;
import java.net.BindException;
import org.junit.jupiter.api.Test;

/** A failed startup becomes one printable line naming the key (ProberMain prints it instead of a stack trace). */
class StartupFailureTest {

    @Test
    void theConfigProblemInsideTheWrappersIsTheLine() {
        Throwable wrapped = new RuntimeException("Failed to start quarkus", new IllegalStateException("bean",
                new ConfigProblem("prober.clickhouse.url (TA_CLICKHOUSE_URL)", "must start with http://")));
        assertEquals("invalid configuration prober.clickhouse.url (TA_CLICKHOUSE_URL): must start with http://",
                StartupFailure.oneLine(wrapped));
    }

    /** What SmallRye throws for a value it cannot convert (the real exception, from a real config build). */
    @Test
    void smallRyesValidationReportBecomesOneLineNamingEachKey() {
        RuntimeException failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> StartupConfig.build(java.util.Map.of("prober.freshness.interval", "abc", "prober.session.days", "FUNDAY")));
        assertEquals(io.smallrye.config.ConfigValidationException.class, failure.getClass());
        String line = StartupFailure.oneLine(new RuntimeException("Failed to start quarkus", failure));
        org.junit.jupiter.api.Assertions.assertTrue(line.startsWith("invalid configuration: prober."), line);
        org.junit.jupiter.api.Assertions.assertTrue(line.contains("prober.freshness.interval=\"abc\": Invalid duration: abc")
                && line.contains("prober.session.days=\"FUNDAY\": Cannot convert FUNDAY to enum class java.time.DayOfWeek"), line);
        org.junit.jupiter.api.Assertions.assertFalse(line.contains("SRCFG") || line.contains("Exception") || line.contains("\n"), line);
    }

    @Test
    void otherwiseTheInnermostCauseOnOneCleanLine() {
        Throwable wrapped = new RuntimeException("Failed to start quarkus", new BindException("Address already in use\n\tport 8080\u202e"));
        assertEquals("BindException: Address already in use; port 8080?", StartupFailure.oneLine(wrapped));
    }
}
