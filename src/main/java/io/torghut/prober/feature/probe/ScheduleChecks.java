package io.torghut.prober.feature.probe;

import io.torghut.prober.adapter.clock.Resolution;
import io.torghut.prober.shared.ConfigProblem;
import java.time.Duration;

/** The check of a probe's cadence that annotations cannot express; each failure names the key. */
public final class ScheduleChecks {
    private ScheduleChecks() {
    }

    /** {@code <prefix>.interval}: a job's period ({@link Resolution}); {@code <prefix>.timeout}: at least 10ms. */
    public static void schedule(String prefix, Schedule schedule) {
        Resolution.requireJobPeriod(prefix + ".interval", schedule.interval());
        ConfigProblem.requirePositive(prefix + ".timeout", schedule.timeout());
        if (schedule.timeout().compareTo(Duration.ofMillis(10)) < 0) {
            throw new ConfigProblem(prefix + ".timeout", "must be at least 10ms");
        }
    }
}
