package io.torghut.prober.feature.signal;

import io.torghut.prober.feature.probe.ObservationSink;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.Observation;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest Knative and CNPG observations. The runner hands them over from the probes' results
 * ({@link io.torghut.prober.feature.probe.ObservationsFirst}); findings, metrics, the trading state and /diagnose read, so
 * nothing on a request path ever calls the Kubernetes API.
 */
@Singleton
public class KubernetesState implements ObservationSink {
    private final AtomicReference<KnativeObservation> knative = new AtomicReference<>();
    private final AtomicReference<CnpgObservation> cnpg = new AtomicReference<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Optional<KnativeObservation> knative() {
        return Optional.ofNullable(knative.get());
    }

    public Optional<CnpgObservation> cnpg() {
        return Optional.ofNullable(cnpg.get());
    }

    @Override
    public void accept(Observation observation) {
        if (observation instanceof KnativeObservation k) {
            knative(k);
        } else if (observation instanceof CnpgObservation c) {
            cnpg(c);
        }
    }

    public void knative(KnativeObservation observation) {
        knative.set(observation);
        changed();
    }

    public void cnpg(CnpgObservation observation) {
        cnpg.set(observation);
        changed();
    }

    /**
     * Runs after every stored observation, on the probe's thread, before the signal store sees the result: whatever is derived from
     * the observations (the verdict's trading state, the findings) is then current before anyone can see the new
     * observation's effects elsewhere. Listeners must return quickly.
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
