package io.torghut.prober.feature.probe.kubernetes;

import io.torghut.prober.adapter.kubernetes.CnpgReader;
import io.torghut.prober.feature.probe.Probe;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.runbook.CnpgHealth;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.CnpgObservation;
import java.time.Duration;
import java.util.Map;

/**
 * Signal {@code cnpg} (role DEPENDENCY, so a failure recommends a pause): fails only when the cluster has no writable
 * primary (failover or switchover in progress, no primary, nothing ready). A replica down is reported as degraded in
 * the detail and in the findings but the signal stays good: Torghut still reads and writes.
 * When the cluster cannot be read (RBAC, no CNPG, API down) the signal is not judged either: that is the prober being
 * blind, reported by the {@code kubernetes-access} finding and {@code torghut_prober_kubernetes_api_up}, while the
 * {@code postgres} probe keeps checking the database itself.
 */
public final class CnpgProbe implements Probe {
    private final CnpgReader reader;

    public CnpgProbe(CnpgReader reader) {
        this.reader = reader;
    }

    @Override
    public ProbeOutcome check(Duration budget) {
        CnpgObservation observation = reader.read();
        return judge(observation).withObservation(observation);
    }

    /** Pure. */
    static ProbeOutcome judge(CnpgObservation obs) {
        if (obs.cluster().isEmpty()) {
            String why = obs.problems().isEmpty() ? "not read" : obs.problems().get(0).describe();
            return ProbeOutcome.ok("CNPG cluster status not judged (" + why + "); see the kubernetes-access finding")
                    .withEvidence(Map.of("judged", "false"));
        }
        CnpgObservation.Cluster c = obs.cluster().get();
        CnpgHealth.Judgement judgement = CnpgHealth.judge(c);
        String summary = c.name() + ": " + c.readyInstances() + "/" + c.instances() + " ready, primary "
                + (c.currentPrimary().isBlank() ? "(none)" : c.currentPrimary());
        Map<String, String> facts = Map.of("phase", c.phase(), "current_primary", c.currentPrimary(),
                "target_primary", c.targetPrimary(), "ready_instances", c.readyInstances() + "/" + c.instances());
        return switch (judgement.level()) {
            case NO_PRIMARY -> ProbeOutcome.fail(FailureReason.NOT_PRIMARY, summary + " - no writable primary: "
                    + String.join("; ", judgement.reasons())).withEvidence(facts);
            case DEGRADED -> ProbeOutcome.ok(summary + " - degraded, primary serving: " + String.join("; ", judgement.reasons()))
                    .withEvidence(facts);
            case HEALTHY -> ProbeOutcome.ok(summary + " - " + CnpgHealth.HEALTHY_PHASE).withEvidence(facts);
        };
    }
}
