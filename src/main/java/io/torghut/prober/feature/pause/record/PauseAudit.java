package io.torghut.prober.feature.pause.record;

import io.torghut.prober.feature.pause.decision.AuditTrail;
import io.torghut.prober.feature.pause.model.AuditEntry;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PauseResult;
import static io.torghut.prober.shared.Contract.METRIC_PREFIX;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.torghut.prober.adapter.kubernetes.PauseEvents;
import io.torghut.prober.shared.FreeText;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail of every pause decision: one structured log record ({@link AuditLine}), the counter
 * {@code torghut_prober_pause_actions_total{mode,result}}, and for the notable ones a Kubernetes Event on the
 * Knative Service. Text from outside is cleaned with {@link FreeText} again here, where it is written.
 */
public final class PauseAudit implements AuditTrail {
    private final Optional<PauseEvents> events;
    private final Map<PauseMode, Map<PauseResult, Counter>> counters = new EnumMap<>(PauseMode.class);

    public PauseAudit(MeterRegistry registry, Optional<PauseEvents> events) {
        this.events = events;
        for (PauseMode mode : PauseMode.values()) {
            Map<PauseResult, Counter> byResult = new EnumMap<>(PauseResult.class);
            for (PauseResult result : PauseResult.values()) {
                byResult.put(result, Counter.builder(METRIC_PREFIX + "pause_actions").description("Pause decisions by mode and result")
                        .tag("mode", mode.label()).tag("result", result.label()).register(registry));
            }
            counters.put(mode, byResult);
        }
    }

    /** Counts and logs the decision; the notable ones also become an Event, unless the entry is a repeat. */
    @Override
    public void record(PauseMode mode, AuditEntry entry) {
        counters.get(mode).get(entry.result()).increment();
        Map<String, String> fields = AuditLine.fields(mode, entry);
        AuditLine.log(entry.warning(), fields);
        if (!entry.repeated()) {
            event(entry.result(), fields);
        }
    }

    private void event(PauseResult result, Map<String, String> fields) {
        String commit = fields.get("commit");
        String why = fields.get("reasons");
        String detail = fields.get("detail");
        String argocd = fields.get("argocd");
        switch (result) {
            case PAUSED -> events.ifPresent(e -> e.record("TradingPaused", "TRADING_ENABLED=false committed as " + commit
                    + " by torghut-prober for " + fields.get("requestedBy") + ": " + why + (argocd == null ? "" : ". " + argocd), false));
            case RECOMMENDED -> events.ifPresent(e -> e.record("TradingPauseRecommended",
                    "torghut-prober recommends pausing trading (TRADING_ENABLED=false via GitOps): " + why, false));
            case REFUSED -> events.ifPresent(e -> e.record("TradingPauseRefused", "pause not committed: " + detail, true));
            case RESUMED_BY_HUMAN -> events.ifPresent(e -> e.record("TradingPauseHeld", "pause not made again: a human resumed "
                    + "trading in commit " + commit + " within the same episode (" + detail + ")", false));
            case PENDING -> events.ifPresent(e -> e.record("TradingPausePending", "pause pending, retrying: " + detail, true));
            case GAVE_UP -> events.ifPresent(e -> e.record("TradingPauseFailed", "pause given up: " + detail, true));
            default -> {
            }
        }
    }

    /** The finding of an ineffective pause, as an Event. */
    @Override
    public void overdue(String detail) {
        events.ifPresent(e -> e.record("TradingPauseNotEffective", FreeText.line(detail), true));
    }
}
