package io.torghut.prober.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.torghut.prober.model.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns pods into records: states and restarts only (a pod's env may hold secrets; it is not read). Pure. */
public final class PodParsing {
    static final String REVISION_LABEL = "serving.knative.dev/revision";

    private PodParsing() {
    }

    public static PodInfo pod(Pod pod) {
        List<PodInfo.ContainerState> containers = new ArrayList<>();
        var status = pod.getStatus();
        List<ContainerStatus> statuses = status == null || status.getContainerStatuses() == null
                ? List.of() : status.getContainerStatuses();
        for (ContainerStatus c : statuses) {
            var state = c.getState();
            var waiting = state == null ? null : state.getWaiting();
            var last = c.getLastState() == null ? null : c.getLastState().getTerminated();
            containers.add(new PodInfo.ContainerState(c.getName(), Boolean.TRUE.equals(c.getReady()),
                    c.getRestartCount() == null ? 0 : c.getRestartCount(),
                    state != null && state.getRunning() != null,
                    waiting == null || waiting.getReason() == null ? "" : waiting.getReason(),
                    waiting == null || waiting.getMessage() == null ? "" : waiting.getMessage(),
                    last == null || last.getReason() == null ? "" : last.getReason(),
                    last == null ? Optional.empty() : Optional.ofNullable(last.getExitCode())));
        }
        var labels = pod.getMetadata().getLabels();
        return new PodInfo(pod.getMetadata().getName(), labels == null ? "" : labels.getOrDefault(REVISION_LABEL, ""),
                Fields.instant(pod.getMetadata().getCreationTimestamp()),
                status == null || status.getPhase() == null ? "" : status.getPhase(), containers);
    }
}
