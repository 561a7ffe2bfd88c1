package io.torghut.prober.feature.probe;

import io.torghut.prober.shared.model.Observation;

/** Keeps what Kubernetes probes read ({@link ProbeOutcome#observation()}); handed each one before the signal store sees the result. */
@FunctionalInterface
public interface ObservationSink {
    void accept(Observation observation);
}
