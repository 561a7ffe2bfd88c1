package io.torghut.prober.probe;

import io.torghut.prober.model.Observation;

/** Keeps what Kubernetes probes read ({@link ProbeOutcome#observation()}); handed each one before the signal store sees the result. */
@FunctionalInterface
public interface ObservationSink {
    void accept(Observation observation);
}
