package io.torghut.prober.feature.verdict;

import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.feature.verdict.session.TradingSession;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Keeps the current verdict: re-evaluated when a signal's health changes and on a timer (ages grow and sessions
 * open without any new result). Logs one line per change of a signal's health or of the verdict, never one per failed probe,
 * so a dependency that stays down does not flood the log.
 */
public class VerdictTracker {
    private static final Logger LOG = Logger.getLogger(VerdictTracker.class);

    private final SignalStore store;
    private final Policy policy;
    private final Clock clock;
    private final TradingStateSource tradingState;
    private final AtomicReference<Verdict> current = new AtomicReference<>();
    private final List<Consumer<Verdict>> listeners = new CopyOnWriteArrayList<>();
    private final long createdNanos = System.nanoTime();
    private volatile boolean firstRoundDone;

    public VerdictTracker(SignalStore store, Policy policy, Clock clock, TradingStateSource tradingState) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.tradingState = tradingState;
        store.onChange(this::onChange);
        evaluate();
    }

    public Verdict current() {
        return current.get();
    }

    public TradingStateSource tradingState() {
        return tradingState;
    }

    public TradingSession session() {
        return policy.session();
    }

    /**
     * True once every signal has reported at least once. Before that the verdict only says "no result yet"
     * (unknown counts as bad), which must never be acted on: a restart would otherwise recommend a pause.
     */
    public boolean firstRoundDone() {
        return firstRoundDone;
    }

    /** Listeners see every evaluation; they must return quickly. */
    public void onVerdict(Consumer<Verdict> listener) {
        listeners.add(listener);
    }

    public synchronized Verdict evaluate() {
        Verdict next = policy.evaluate(store.snapshot(), clock.instant(), tradingState.tradingEnabled());
        Verdict previous = current.getAndSet(next);
        boolean complete = !next.signals().isEmpty() && next.signals().stream().noneMatch(s -> s.health() == Health.UNKNOWN);
        if (complete && !firstRoundDone) {
            firstRoundDone = true;
            LOG.infof("first probe round complete %dms after start: verdict %s", (System.nanoTime() - createdNanos) / 1_000_000, next.level());
            previous = null;
        }
        // Until every signal has reported once, the verdict only reflects "no result yet": not worth a log line.
        if (firstRoundDone && (previous == null || previous.level() != next.level())) {
            if (next.level() == VerdictLevel.HEALTHY) {
                LOG.infof("verdict %s", next.level());
            } else {
                LOG.warnf("verdict %s: %s", next.level(), String.join("; ", next.reasons()));
            }
        }
        for (Consumer<Verdict> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.errorf("verdict listener failed: %s", e.toString());
            }
        }
        return next;
    }

    /**
     * The level can only change when a signal's health does (or with time, which the periodic evaluation covers), so
     * only transitions trigger an immediate evaluation: with many targets, evaluating every signal on every result
     * would cost O(signals^2) per round.
     */
    private void onChange(SignalState before, SignalState after) {
        if (before.health() == after.health()) {
            return;
        }
        if (!(before.health() == Health.UNKNOWN && after.health() == Health.GOOD)) {
            String detail = after.latest().map(r -> r.reason().label() + ": " + r.detail()).orElse("");
            if (after.health() == Health.GOOD) {
                LOG.infof("signal %s recovered: %s", after.name(), detail);
            } else {
                LOG.warnf("signal %s is %s: %s", after.name(), after.health(), detail);
            }
        }
        evaluate();
    }
}
