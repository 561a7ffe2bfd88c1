package io.torghut.prober.shared.model;

import java.time.Instant;

/**
 * What a Kubernetes probe read, carried on its result from the probe through the runner to the sinks: the probes
 * write no store of their own.
 */
public sealed interface Observation permits KnativeObservation, CnpgObservation {
    Instant observedAt();
}
