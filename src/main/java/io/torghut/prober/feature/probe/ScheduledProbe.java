package io.torghut.prober.feature.probe;

import java.time.Duration;

/** A probe with its spec: what the runner schedules and the store registers. */
public record ScheduledProbe(ProbeSpec spec, Probe probe) {

    public String name() {
        return spec.name();
    }

    public Duration interval() {
        return spec.interval();
    }

    public Duration timeout() {
        return spec.timeout();
    }

    public ProbeOutcome check(Duration budget) {
        return probe.check(budget);
    }
}
