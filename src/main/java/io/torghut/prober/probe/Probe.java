package io.torghut.prober.probe;

import java.time.Duration;

/**
 * One kind of check against one target. The runner owns scheduling, timing and the hard timeout; a probe only
 * checks once and reports what it found, turning every failure into a {@link ProbeOutcome} value.
 */
public interface Probe {

    /** The signal this probe feeds; bounded, used as a metric label. */
    String name();

    SignalRole role();

    Duration interval();

    /** The hard limit the runner enforces; clients should give up a little earlier on their own. */
    Duration timeout();

    /** Runs the check once. {@code budget} is how long the clients may take. */
    ProbeOutcome check(Duration budget);
}
