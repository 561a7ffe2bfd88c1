package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.LiveTrading;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Trading on bad data, and the prober's own blindness (Kubernetes API access). Pure. */
public final class StateFindings {
    private StateFindings() {
    }

    /**
     * The verdict says pause (the runbook's precondition) while trading is on: known from the live revision
     * ({@code trading-still-enabled-on-bad-data}), or assumed because the live TRADING_ENABLED is not known
     * ({@code pause-recommended}). One of the two, never both: the pause is one step.
     */
    public static Optional<Finding> tradingOnBadData(Optional<KnativeObservation> obs, FindingContext ctx) {
        if (!ctx.verdict().pauseRecommended()) {
            return Optional.empty();
        }
        RunbookNames n = ctx.names();
        Optional<Boolean> live = obs.flatMap(LiveTrading::enabled);
        List<String> trading = live.orElse(false) ? LiveTrading.tradingRevisions(obs.get()) : List.of();
        List<String> evidence = new ArrayList<>();
        trading.forEach(r -> evidence.add("serving revision " + r + " has TRADING_ENABLED=true"));
        if (trading.isEmpty()) {
            evidence.add(unknownLiveState(obs, live));
        }
        ctx.verdict().reasons().forEach(r -> evidence.add("pause recommended: " + r));
        return Optional.of(new Finding(trading.isEmpty() ? FindingIds.PAUSE_RECOMMENDED : FindingIds.TRADING_ON_BAD_DATA, "-",
                Severity.CRITICAL, trading.isEmpty()
                        ? "trading may still be enabled (the live revision's value is not known) while dependencies are degraded "
                                + "or signals are stale"
                        : "trading is still enabled in the live revision while dependencies are degraded or signals are stale",
                evidence, trading,
                List.of(n.argoSync(), n.kubectl("get ksvc " + n.service()
                        + " -o jsonpath='{.spec.template.spec.containers[0].env[?(@.name==\"TRADING_ENABLED\")].value}'")),
                List.of(new GitOpsStep(n.manifest(), "- name: TRADING_ENABLED  value: \"true\"", "- name: TRADING_ENABLED  value: \"false\"")),
                List.of("Pause trading first (runbook precondition): commit TRADING_ENABLED=false via GitOps (or POST /pause), "
                        + "Argo sync, then re-evaluate. Never kubectl edit (ADR-24-1).")));
    }

    /** Why the live TRADING_ENABLED is not known, so that the verdict assumes it is on (the safe side). */
    private static String unknownLiveState(Optional<KnativeObservation> obs, Optional<Boolean> live) {
        String state = obs.flatMap(KnativeObservation::service).isEmpty()
                ? "the Knative service has not been read (prober.kubernetes.enabled=false, no read yet, or the read failed)"
                : live.isEmpty() ? "the serving revisions' value is not a plain true/false, or no revision serves"
                : "the last read of the Knative service (" + obs.get().observedAt() + ") is too old to trust";
        return "TRADING_ENABLED of the live revision is not known: " + state + "; assumed enabled";
    }

    /** Whatever the prober could not read, with the exact permission or resource that is missing. */
    public static Optional<Finding> access(Optional<KnativeObservation> knative, List<AccessProblem> cnpgProblems, FindingContext ctx) {
        Set<AccessProblem> problems = new LinkedHashSet<>();
        knative.ifPresent(o -> problems.addAll(o.problems()));
        problems.addAll(cnpgProblems);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        RunbookNames n = ctx.names();
        List<String> evidence = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        String sa = "system:serviceaccount:" + n.namespace() + ":torghut-prober";
        for (AccessProblem p : problems) {
            evidence.add(p.describe());
            String check = switch (p.kind()) {
                case FORBIDDEN -> "kubectl auth can-i " + p.verb() + " " + p.resource() + " -n " + p.namespace() + " --as=" + sa;
                case NOT_FOUND -> p.resource().contains(".") && !p.resource().contains("/")
                        ? "kubectl get crd " + p.resource() : n.kubectl("get " + p.resource().split("/")[0] + " " + p.name());
                default -> "kubectl get --raw /readyz";
            };
            if (!commands.contains(check)) {
                commands.add(check);
            }
        }
        return Optional.of(new Finding(FindingIds.KUBERNETES_ACCESS, "-", Severity.WARNING,
                "the prober cannot read part of the Kubernetes API: its Knative/CNPG findings are incomplete",
                evidence, List.of(), commands,
                List.of(new GitOpsStep("k8s/base/role-torghut.yaml", "kind: Role  name: torghut-prober",
                        "grant get/list/watch on services.serving.knative.dev, revisions.serving.knative.dev, pods, "
                                + "clusters.postgresql.cnpg.io, get on pods/log and list on events (never secrets)")),
                List.of("The prober is blind, not Torghut broken: the other probes carry on.")));
    }
}
