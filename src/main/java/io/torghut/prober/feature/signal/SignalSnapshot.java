package io.torghut.prober.feature.signal;

import java.util.List;
import java.util.Optional;

/** An immutable view of every signal at one moment, in registration order. */
public record SignalSnapshot(List<SignalState> signals) {

    public SignalSnapshot {
        signals = List.copyOf(signals);
    }

    public Optional<SignalState> get(String name) {
        return signals.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
