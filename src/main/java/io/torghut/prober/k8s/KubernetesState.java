package io.torghut.prober.k8s;

import io.torghut.prober.model.CnpgObservation;
import io.torghut.prober.model.KnativeObservation;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest Knative and CNPG observations. The probes write; findings, metrics, the trading state and /diagnose
 * read, so nothing on a request path ever calls the Kubernetes API.
 */
public class KubernetesState {
    private final AtomicReference<KnativeObservation> knative = new AtomicReference<>();
    private final AtomicReference<CnpgObservation> cnpg = new AtomicReference<>();

    public Optional<KnativeObservation> knative() {
        return Optional.ofNullable(knative.get());
    }

    public Optional<CnpgObservation> cnpg() {
        return Optional.ofNullable(cnpg.get());
    }

    public void knative(KnativeObservation observation) {
        knative.set(observation);
    }

    public void cnpg(CnpgObservation observation) {
        cnpg.set(observation);
    }
}
