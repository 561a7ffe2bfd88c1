package io.torghut.prober.shared.model;

import io.torghut.prober.shared.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code TRADING_ENABLED} of the revisions that serve traffic now. Pure. */
public final class LiveTrading {
    public static final String ENV = Contract.TRADING_ENABLED;

    private LiveTrading() {
    }

    /**
     * True when any serving revision trades (one trading revision is enough to lose money), false when every serving
     * revision says false, empty when unknown (not read, not a plain value, not a boolean).
     */
    public static Optional<Boolean> enabled(KnativeObservation observation) {
        List<String> serving = observation.service().map(KnativeServiceInfo::servingRevisions).orElse(List.of());
        if (serving.isEmpty()) {
            return Optional.empty();
        }
        boolean allFalse = true;
        for (String name : serving) {
            Optional<Boolean> value = observation.revision(name).flatMap(LiveTrading::enabled);
            if (value.isEmpty()) {
                allFalse = false;
            } else if (value.get()) {
                return Optional.of(true);
            }
        }
        return allFalse ? Optional.of(false) : Optional.empty();
    }

    public static Optional<Boolean> enabled(RevisionInfo revision) {
        return revision.envVar(ENV).flatMap(EnvVar::value).map(TradingFlag::parse).flatMap(TradingFlag::known);
    }

    /** The serving revisions that have {@code TRADING_ENABLED} true. */
    public static List<String> tradingRevisions(KnativeObservation observation) {
        List<String> names = new ArrayList<>();
        for (String name : observation.service().map(KnativeServiceInfo::servingRevisions).orElse(List.of())) {
            if (observation.revision(name).flatMap(LiveTrading::enabled).orElse(false)) {
                names.add(name);
            }
        }
        return names;
    }
}
