package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.AuditEntry;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.model.PauseResult;
import io.torghut.prober.feature.verdict.Verdict;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Reacts to the policy verdict without any webhook. In trigger mode with {@code prober.pause.auto=true} it pauses after
 * the verdict has held PAUSE_RECOMMENDED for {@code auto-hold}, on the Lease leader only; in recommend mode (or trigger
 * without auto) it records the recommendation once per episode (log, metric, Event), also on the leader only, so that
 * replicas do not repeat each other. The work runs on its own executor: verdict listeners must return at once.
 */
final class AutoPause {
    private static final Logger LOG = Logger.getLogger(AutoPause.class);
    private final PauseService service;
    private final boolean auto;
    private final HoldTimer pauseTimer;
    private final HoldTimer recommendTimer = new HoldTimer(java.time.Duration.ZERO);
    private final BooleanSupplier leader;
    private final Executor executor;
    private final AuditTrail audit;

    public AutoPause(PauseService service, boolean auto, HoldTimer pauseTimer, BooleanSupplier leader, Executor executor, AuditTrail audit) {
        this.service = service;
        this.auto = auto && service.mode() == PauseMode.TRIGGER;
        this.pauseTimer = pauseTimer;
        this.leader = leader;
        this.executor = executor;
        this.audit = audit;
    }

    public void onVerdict(Verdict verdict) {
        boolean recommended = verdict.pauseRecommended() && service.mode() != PauseMode.OFF;
        boolean lead = leader.getAsBoolean();
        List<String> reasons = verdict.reasons();
        if (recommendTimer.update(recommended && lead, verdict.evaluatedAt()) && !auto) {
            executor.execute(() -> audit.record(service.mode(),
                    AuditEntry.of(PauseResult.RECOMMENDED, PauseRequest.auto(reasons), "verdict PAUSE_RECOMMENDED")));
        }
        if (auto && pauseTimer.update(recommended && lead, verdict.evaluatedAt())) {
            LOG.warnf("verdict PAUSE_RECOMMENDED held long enough on the leader: pausing trading (%s)", String.join("; ", reasons));
            executor.execute(() -> service.handle(PauseRequest.auto(reasons)));
        }
    }
}
