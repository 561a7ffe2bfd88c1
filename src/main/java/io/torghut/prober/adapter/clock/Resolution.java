package io.torghut.prober.adapter.clock;

import io.torghut.prober.shared.ConfigProblem;
import java.time.Duration;
import java.util.Optional;

/**
 * What the scheduler's clock can honour. Quarkus' simple scheduler looks at its jobs once a second
 * ({@code SimpleScheduler.CHECK_PERIOD = 1000} ms in quarkus-scheduler 3.33) and measures an interval from the whole
 * second of the last fire, so an interval below a second, or between two whole seconds, runs at the next whole second:
 * 300ms would run every second, 1500ms every two. Configured intervals are refused unless they are whole seconds;
 * asked-for cadences ({@code ProbeRunner.pace}) are rounded up.
 */
public final class Resolution {
    /** The scheduler's tick. */
    public static final Duration TICK = Duration.ofSeconds(1);

    private Resolution() {
    }

    /** Why {@code interval} cannot be honoured, for a startup message that names the key; empty when it can. */
    public static Optional<String> problem(Duration interval) {
        if (interval.compareTo(TICK) < 0 || interval.getNano() != 0) {
            return Optional.of("must be a whole number of seconds, at least 1s: the scheduler (quarkus-scheduler) looks at its jobs "
                    + "once a second (got " + interval + ")");
        }
        return Optional.empty();
    }

    /**
     * A configured period that becomes a job of the scheduler: positive, and one the scheduler can honour; a sub-second
     * interval would silently run once a second.
     */
    public static void requireJobPeriod(String key, Duration interval) {
        ConfigProblem.requirePositive(key, interval);
        problem(interval).ifPresent(problem -> {
            throw new ConfigProblem(key, problem);
        });
    }

    /** The nearest cadence the scheduler honours that is not faster than {@code wanted}: whole seconds, at least one. */
    public static Duration honoured(Duration wanted) {
        if (wanted.compareTo(TICK) <= 0) {
            return TICK;
        }
        return wanted.getNano() == 0 ? wanted : Duration.ofSeconds(wanted.getSeconds() + 1);
    }
}
