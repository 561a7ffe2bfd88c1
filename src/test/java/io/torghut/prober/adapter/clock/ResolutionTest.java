package io.torghut.prober.adapter.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.runtime.SimpleScheduler;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolutionTest {

    /** The tick is Quarkus' own: if a Quarkus upgrade changes how often the simple scheduler looks at its jobs, this fails. */
    @Test
    void theTickIsTheSimpleSchedulersCheckPeriod() {
        assertEquals(Duration.ofMillis(SimpleScheduler.CHECK_PERIOD), Resolution.TICK);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT0.001S, PT1S", "PT0.5S, PT1S", "PT1S, PT1S", "PT1.001S, PT2S", "PT1.5S, PT2S", "PT10S, PT10S", "PT1H, PT1H"})
    void askedCadencesAreRoundedUpToWholeSeconds(Duration wanted, Duration honoured) {
        assertEquals(honoured, Resolution.honoured(wanted));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PT0.3S", "PT0.999S", "PT1.5S", "PT59.9S"})
    void intervalsTheTickCannotHonourHaveAProblem(Duration interval) {
        assertEquals(Optional.of("must be a whole number of seconds, at least 1s: the scheduler (quarkus-scheduler) looks at its jobs "
                + "once a second (got " + interval + ")"), Resolution.problem(interval));
    }

    @Test
    void wholeSecondsHaveNone() {
        assertTrue(Resolution.problem(Duration.ofSeconds(1)).isEmpty());
        assertTrue(Resolution.problem(Duration.ofMinutes(15)).isEmpty());
    }
}
