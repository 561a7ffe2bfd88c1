package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.Condition;
import io.torghut.prober.shared.model.EventInfo;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.PodInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Procedure A step 2, pods that never started: the newest revision, past its rollout grace (or failed), has pods that
 * cannot be scheduled, cannot pull their image, cannot mount a volume or get a sandbox, or none at all because the API
 * refuses them (quota, admission). Read from the pods' conditions and waiting reasons and the Warning Events about the
 * revision's objects. Nothing ran, so there is no log to read: the steps are {@code kubectl describe pod} and the events.
 * A missing Secret is {@link SecretFindings}'. Pure.
 */
public final class PodFindings {
    /** Why pods never started, in the order one is named when several are seen. */
    enum Cause {
        DENIED("are refused by the API (quota or admission)", "The namespace's ResourceQuota or an admission policy refuses the pod: "
                + "the message names which; raise the quota or change the manifest via GitOps, not by hand."),
        UNSCHEDULABLE("cannot be scheduled", "No node can take the pod (resource requests, node selectors, taints, affinity, volume "
                + "zones): the scheduler's message says which; lower the requests in the manifest via GitOps, or add capacity."),
        IMAGE("cannot pull their image", "The image cannot be pulled (a wrong tag or digest, a registry that refuses the node): the image "
                + "is the cause, roll back to the last known good digest via GitOps (ADR-24-1), then fix the reference."),
        VOLUME("cannot mount a volume", "A volume of the pod cannot be mounted or attached: check the ConfigMap, Secret or PVC the event "
                + "names."),
        SANDBOX("cannot get a pod sandbox", "The node cannot create the pod's sandbox (network plugin, container runtime): a platform "
                + "problem of the node the event names, not Torghut's."),
        CONTAINER_CONFIG("cannot create their container", "The container cannot be created from its spec: the message names the "
                + "ConfigMap, key or setting; fix the manifest via GitOps."),
        CREATING("stay in ContainerCreating", "The pods stay in ContainerCreating: the events of the pod say what the kubelet waits for.");

        final String words;
        final String advice;

        Cause(String words, String advice) {
            this.words = words;
            this.advice = advice;
        }
    }

    private static final Set<String> IMAGE_REASONS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");

    private PodFindings() {
    }

    public static Optional<Finding> notStarted(KnativeObservation obs, FindingContext ctx) {
        Optional<RevisionInfo> newest = obs.newest().filter(r -> !r.ready());
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        RevisionInfo revision = newest.get();
        boolean failed = revision.condition("Ready").map(c -> "False".equals(c.status())).orElse(false);
        if (!failed && RevisionFindings.deploying(revision, ctx)) {
            return Optional.empty(); // a rollout still inside its grace
        }
        RunbookNames n = ctx.names();
        List<String> evidence = new ArrayList<>();
        List<Cause> causes = new ArrayList<>();
        List<String> waitingPods = new ArrayList<>();
        List<PodInfo> pods = obs.podsOf(revision.name());
        for (PodInfo pod : pods) {
            Optional<PodInfo.ContainerState> app = pod.container(n.container());
            if (app.map(PodInfo.ContainerState::started).orElse(false)) {
                continue;
            }
            pod.condition("PodScheduled").filter(c -> "False".equals(c.status())).ifPresent(c -> {
                evidence.add("pod " + pod.name() + " (status.conditions): " + c.describe());
                causes.add(Cause.UNSCHEDULABLE);
                waitingPods.add(pod.name());
            });
            app.filter(c -> !c.waitingReason().isEmpty() && SecretFindings.parse(c.waitingMessage()).isEmpty()).ifPresent(c -> {
                evidence.add(PodEvidence.describe(pod, c));
                causes.add(waiting(c.waitingReason()));
                if (!waitingPods.contains(pod.name())) {
                    waitingPods.add(pod.name());
                }
            });
        }
        List<EventInfo> events = obs.eventsOf(revision.name());
        for (EventInfo e : events) {
            evidence.add(e.describe());
            event(e).ifPresent(causes::add);
        }
        if (causes.isEmpty()) {
            return Optional.empty();
        }
        Cause cause = causes.stream().min(Enum::compareTo).get();
        Optional<String> serving = obs.service().flatMap(KnativeServiceInfo::latestReadyRevision).filter(r -> !r.equals(revision.name()));
        evidence.add(serving.map(r -> "traffic still goes to the last ready revision " + r).orElse("no ready revision serves traffic"));
        String message = firstMessage(cause, obs, revision, events);
        List<String> commands = new ArrayList<>();
        List<GitOpsStep> gitops = new ArrayList<>();
        if (cause == Cause.IMAGE) {
            Rollback.add(obs, revision.name(), n, evidence, commands, gitops);
        }
        commands.add(n.kubectl("get pods -l serving.knative.dev/revision=" + revision.name() + " -o wide"));
        waitingPods.stream().limit(2).forEach(p -> commands.add(n.kubectl("describe pod " + p)));
        waitingPods.stream().limit(1).forEach(p -> commands.add(n.kubectl("get events --field-selector involvedObject.name=" + p)));
        if (pods.isEmpty()) {
            commands.add(n.kubectl("get events --field-selector involvedObject.kind=ReplicaSet,reason=FailedCreate"));
        }
        if (cause == Cause.DENIED) {
            commands.add(n.kubectl("describe resourcequota"));
        }
        commands.add(n.kubectl("describe revision " + revision.name()));
        List<String> resources = new ArrayList<>(List.of(revision.name()));
        pods.stream().map(PodInfo::name).forEach(resources::add);
        return Optional.of(new Finding(FindingIds.PODS_NOT_STARTED, "A", serving.isPresent() ? Severity.WARNING : Severity.CRITICAL,
                (pods.isEmpty() ? "revision " + revision.name() + ": its pods " : "pods of " + revision.name() + " ") + cause.words
                        + (message.isEmpty() ? "" : ": " + message),
                evidence, resources, commands, gitops,
                List.of(cause.advice, "Nothing ran, so there are no logs to read: kubectl describe pod and the events say why."),
                List.of(Subject.revision(revision.name()))));
    }

    private static Cause waiting(String reason) {
        if (IMAGE_REASONS.contains(reason)) {
            return Cause.IMAGE;
        }
        return switch (reason) {
            case "CreateContainerConfigError", "CreateContainerError" -> Cause.CONTAINER_CONFIG;
            default -> Cause.CREATING;
        };
    }

    private static Optional<Cause> event(EventInfo e) {
        String message = e.message().toLowerCase(Locale.ROOT);
        return switch (e.reason()) {
            case "FailedScheduling" -> Optional.of(Cause.UNSCHEDULABLE);
            case "FailedMount", "FailedAttachVolume" -> Optional.of(Cause.VOLUME);
            case "FailedCreatePodSandBox" -> Optional.of(Cause.SANDBOX);
            case "FailedCreate" -> Optional.of(Cause.DENIED);
            case "Failed", "BackOff" -> message.contains("image") ? Optional.of(Cause.IMAGE) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The words of the first thing read that shows the cause: the event's or the condition's message. */
    private static String firstMessage(Cause cause, KnativeObservation obs, RevisionInfo revision, List<EventInfo> events) {
        for (EventInfo e : events) {
            if (event(e).filter(c -> c == cause).isPresent() && !e.message().isEmpty()) {
                return e.message();
            }
        }
        for (PodInfo pod : obs.podsOf(revision.name())) {
            Optional<Condition> scheduled = pod.condition("PodScheduled").filter(c -> "False".equals(c.status()));
            if (cause == Cause.UNSCHEDULABLE && scheduled.isPresent()) {
                return scheduled.get().message();
            }
            for (PodInfo.ContainerState c : pod.containers()) {
                if (!c.waitingReason().isEmpty() && waiting(c.waitingReason()) == cause) {
                    return c.waitingReason() + (c.waitingMessage().isEmpty() ? "" : " (" + c.waitingMessage() + ")");
                }
            }
        }
        return "";
    }
}
