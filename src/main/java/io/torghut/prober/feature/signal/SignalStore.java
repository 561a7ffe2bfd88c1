package io.torghut.prober.feature.signal;

import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.ProbeSink;
import io.torghut.prober.feature.probe.SignalRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Holds the latest state of every signal. Only probes' results go in; consumers (metrics, policy, diagnosis) read
 * snapshots. Listeners are told after each update and must not block.
 */
public class SignalStore implements ProbeSink {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SignalStore.class);
    private final Map<String, SignalState> states = new LinkedHashMap<>();
    private final Hysteresis hysteresis;
    private final List<BiConsumer<SignalState, SignalState>> listeners = new CopyOnWriteArrayList<>();

    public SignalStore(Hysteresis hysteresis) {
        this.hysteresis = hysteresis;
    }

    /** Declares a signal so it shows as UNKNOWN before its first result. */
    public synchronized void register(String name, SignalRole role, Optional<Duration> maxAge) {
        states.putIfAbsent(name, SignalState.initial(name, role, maxAge));
    }

    @Override
    public void accept(ProbeResult result) {
        record(result);
    }

    /** Applies a result; listeners then see the state before and after it. */
    public SignalState record(ProbeResult result) {
        SignalState before;
        SignalState after;
        synchronized (this) {
            before = states.get(result.probe());
            if (before == null) {
                throw new IllegalStateException("result for unregistered signal " + result.probe());
            }
            after = before.with(result, hysteresis);
            states.put(result.probe(), after);
        }
        for (BiConsumer<SignalState, SignalState> listener : listeners) {
            try {
                listener.accept(before, after);
            } catch (RuntimeException e) {
                // One broken consumer must not starve the others (metrics, verdict) of results.
                LOG.errorf("signal listener failed on %s: %s", after.name(), e.toString());
            }
        }
        return after;
    }

    public synchronized SignalSnapshot snapshot() {
        return new SignalSnapshot(new ArrayList<>(states.values()));
    }

    public synchronized Optional<SignalState> get(String name) {
        return Optional.ofNullable(states.get(name));
    }

    public void onChange(BiConsumer<SignalState, SignalState> listener) {
        listeners.add(listener);
    }
}
