package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.model.ContainerChoice;
import io.torghut.prober.shared.model.EventInfo;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.LogTail;
import io.torghut.prober.shared.model.PodInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Knative service, its revisions, the pods of the newest and of the serving revisions, and their log tails
 * (current, and previous when the container restarted). Stops early when the API is unreachable, unauthorized or slow,
 * and skips logs once the round's time budget is spent: it never outlives the probe's timeout by much.
 */
public class KnativeReader {
    /** Older revisions only matter as rollback candidates; a few are enough. */
    static final int MAX_REVISIONS = 10;
    /** Events asked for per read (a field selector narrows them to one object already) and kept per object. */
    public static final long EVENTS_PER_READ = 50;
    static final int EVENTS_KEPT = 5;
    private final KubernetesReads reads;
    private final String service;
    private final Optional<String> configuredContainer;
    private final String container;
    private final int tailLines;
    private final int maxBytes;
    private final int podsPerRevision;
    private final LogScanner scanner;
    private final Clock clock;

    /** @param container the configured container name; empty: {@code ContainerChoice}'s default rule */
    public KnativeReader(KubernetesReads reads, String service, Optional<String> container, int tailLines, int maxBytes,
                         int podsPerRevision, LogScanner scanner, Clock clock) {
        this.reads = reads;
        this.service = service;
        this.configuredContainer = container;
        this.container = container.orElse(ContainerChoice.DEFAULT_NAME);
        this.tailLines = tailLines;
        this.maxBytes = maxBytes;
        this.podsPerRevision = podsPerRevision;
        this.scanner = scanner;
        this.clock = clock;
    }

    public KnativeObservation read(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<AccessProblem> problems = new ArrayList<>();
        Optional<KnativeServiceInfo> ksvc = Optional.empty();
        List<RevisionInfo> revisions = new ArrayList<>();
        List<PodInfo> pods = new ArrayList<>();
        List<LogTail> logs = new ArrayList<>();
        try {
            Optional<Map<String, Object>> found = reads.get(KubernetesReads.KSVC, service);
            if (found.isEmpty()) {
                problems.add(new AccessProblem(AccessProblem.Kind.NOT_FOUND, "get", KubernetesReads.KSVC.qualifiedName(),
                        service, reads.namespace(), "no such Knative service"));
            }
            ksvc = found.map(r -> KnativeParsing.service(r, configuredContainer));
        } catch (ReadFailure failure) {
            problems.add(failure.problem());
            if (fatal(failure)) {
                return observation(ksvc, revisions, pods, logs, problems);
            }
        }
        if (spent(deadline, "list", KubernetesReads.REVISIONS.qualifiedName(), problems)) {
            return observation(ksvc, revisions, pods, logs, problems);
        }
        try {
            reads.list(KubernetesReads.REVISIONS, "serving.knative.dev/service=" + service).stream()
                    .map(r -> KnativeParsing.revision(r, configuredContainer))
                    .sorted(Comparator.comparing(RevisionInfo::created).thenComparing(RevisionInfo::name).reversed())
                    .limit(MAX_REVISIONS).forEach(revisions::add);
        } catch (ReadFailure failure) {
            problems.add(failure.problem());
            if (fatal(failure)) {
                return observation(ksvc, revisions, pods, logs, problems);
            }
        }
        KnativeObservation partial = observation(ksvc, revisions, pods, logs, problems);
        Set<String> targets = new LinkedHashSet<>();
        partial.newest().ifPresent(r -> targets.add(r.name()));
        ksvc.ifPresent(s -> targets.addAll(s.servingRevisions()));
        boolean logsAllowed = true;
        for (String revision : targets) {
            if (spent(deadline, "list", "pods", problems)) {
                break;
            }
            List<PodInfo> revisionPods;
            try {
                revisionPods = reads.pods("serving.knative.dev/revision=" + revision).stream().map(PodParsing::pod)
                        .sorted(Comparator.comparing(PodInfo::created).thenComparing(PodInfo::name).reversed()).toList();
            } catch (ReadFailure failure) {
                problems.add(failure.problem());
                if (fatal(failure)) {
                    break;
                }
                continue;
            }
            pods.addAll(revisionPods);
            for (PodInfo pod : revisionPods.subList(0, Math.min(podsPerRevision, revisionPods.size()))) {
                if (!logsAllowed) {
                    break;
                }
                try {
                    readLogs(pod, deadline, logs);
                } catch (ReadFailure failure) {
                    problems.add(failure.problem());
                    logsAllowed = false; // one forbidden/slow log call says it for all of them
                }
            }
        }
        List<EventInfo> events = new ArrayList<>();
        partial.newest().filter(r -> !r.ready()).ifPresent(r -> readEvents(r.name(), pods, deadline, events, problems));
        return new KnativeObservation(clock.instant(), ksvc, revisions, pods, logs, problems, events);
    }

    /**
     * The Warning Events that say why a revision's pods never started: those of each pod whose container has not run
     * (FailedScheduling, FailedMount, FailedCreatePodSandBox, image pulls), at most {@code podsPerRevision} of them; and,
     * when the revision has no pod at all, the ReplicaSets' FailedCreate (quota and admission denials name no pod).
     * Only for a newest revision that is not Ready: a healthy round reads no Event.
     */
    private void readEvents(String revision, List<PodInfo> pods, long deadline, List<EventInfo> events, List<AccessProblem> problems) {
        List<PodInfo> waiting = pods.stream().filter(p -> p.revision().equals(revision))
                .filter(p -> p.container(container).map(c -> !c.started()).orElse(true)).limit(podsPerRevision).toList();
        List<Map<String, String>> selectors = new ArrayList<>();
        waiting.forEach(p -> selectors.add(Map.of("involvedObject.name", p.name())));
        if (pods.stream().noneMatch(p -> p.revision().equals(revision))) {
            selectors.add(Map.of("involvedObject.kind", "ReplicaSet", "reason", "FailedCreate"));
        }
        for (Map<String, String> fields : selectors) {
            if (spent(deadline, "list", ApiResource.EVENTS.qualifiedName(), problems)) {
                return;
            }
            try {
                reads.events(fields, EVENTS_PER_READ).stream().map(EventParsing::event)
                        .filter(e -> "Warning".equals(e.type()) && e.object().startsWith(revision + "-"))
                        .sorted(Comparator.comparing(EventInfo::lastSeen).reversed()).limit(EVENTS_KEPT).forEach(events::add);
            } catch (ReadFailure failure) {
                problems.add(failure.problem());
                return; // one forbidden/slow Event read says it for all of them
            }
        }
    }

    private void readLogs(PodInfo pod, long deadline, List<LogTail> logs) throws ReadFailure {
        Optional<PodInfo.ContainerState> state = pod.container(container);
        if (state.isEmpty()) {
            return;
        }
        PodInfo.ContainerState c = state.get();
        if (c.started()) {
            logs.add(tail(pod, false, deadline));
        }
        if (c.restartCount() > 0 || c.lastExitCode().isPresent()) {
            logs.add(tail(pod, true, deadline));
        }
    }

    private LogTail tail(PodInfo pod, boolean previous, long deadline) throws ReadFailure {
        if (System.nanoTime() > deadline) {
            return new LogTail(pod.name(), container, previous, 0, List.of(), Optional.of("not read: the round's time budget was spent"));
        }
        Optional<String> body = reads.log(pod.name(), container, previous, tailLines, maxBytes);
        if (body.isEmpty()) {
            return new LogTail(pod.name(), container, previous, 0, List.of(), Optional.of("no log (container not started yet)"));
        }
        boolean truncated = body.get().length() >= maxBytes;
        List<String> lines = LogScanner.lines(body.get(), truncated);
        return new LogTail(pod.name(), container, previous, lines.size(), scanner.scan(lines), Optional.empty());
    }

    /** The round's budget is gone (a slow API): record it and stop, so the round ends before the hard timeout. */
    private boolean spent(long deadline, String verb, String resource, List<AccessProblem> problems) {
        if (System.nanoTime() <= deadline) {
            return false;
        }
        problems.add(new AccessProblem(AccessProblem.Kind.TIMEOUT, verb, resource, "", reads.namespace(),
                "the round's time budget was spent before this read"));
        return true;
    }

    /** Nothing else will work either: stop the round instead of waiting out every remaining call. */
    static boolean fatal(ReadFailure failure) {
        return switch (failure.problem().kind()) {
            case UNREACHABLE, TIMEOUT, UNAUTHORIZED -> true;
            default -> false;
        };
    }

    private KnativeObservation observation(Optional<KnativeServiceInfo> ksvc, List<RevisionInfo> revisions, List<PodInfo> pods,
                                           List<LogTail> logs, List<AccessProblem> problems) {
        return new KnativeObservation(clock.instant(), ksvc, revisions, pods, logs, problems);
    }
}
