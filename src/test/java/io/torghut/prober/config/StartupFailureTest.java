package io.torghut.prober.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.core.ConfigProblem;
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

    @Test
    void otherwiseTheInnermostCauseOnOneCleanLine() {
        Throwable wrapped = new RuntimeException("Failed to start quarkus", new BindException("Address already in use\n\tport 8080\u202e"));
        assertEquals("BindException: Address already in use; port 8080?", StartupFailure.oneLine(wrapped));
    }
}
