package io.torghut.prober.feature.probe;

import java.time.Duration;

/**
 * One kind of check against one target: it checks once and reports what it found, turning every failure into a
 * {@link ProbeOutcome} value. Its name, role, cadence and timeout are the runner's business ({@link ProbeSpec}).
 */
@FunctionalInterface
public interface Probe {

    /** Runs the check once. {@code budget} is how long the clients may take. */
    ProbeOutcome check(Duration budget);
}
