package io.torghut.prober.k8s;

import io.torghut.prober.model.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns pods into records: states and restarts only (a pod's env may hold secrets; it is not read). Pure. */
public final class PodParsing {
    static final String REVISION_LABEL = "serving.knative.dev/revision";

    private PodParsing() {
    }

    public static PodInfo pod(Map<String, Object> pod) {
        List<PodInfo.ContainerState> containers = new ArrayList<>();
        for (Object c : Fields.list(pod, "status", "containerStatuses")) {
            Object waiting = Fields.at(c, "state", "waiting");
            Object last = Fields.at(c, "lastState", "terminated");
            Object exitCode = Fields.at(last, "exitCode");
            containers.add(new PodInfo.ContainerState(Fields.text(c, "name"), Boolean.TRUE.equals(Fields.at(c, "ready")),
                    Fields.number(c, "restartCount"), Fields.at(c, "state", "running") != null,
                    Fields.text(waiting, "reason"), Fields.text(waiting, "message"), Fields.text(last, "reason"),
                    exitCode instanceof Number n ? Optional.of(n.intValue()) : Optional.empty()));
        }
        Object labels = Fields.at(pod, "metadata", "labels");
        return new PodInfo(Fields.text(pod, "metadata", "name"), Fields.text(labels, REVISION_LABEL),
                Fields.instant(Fields.text(pod, "metadata", "creationTimestamp")), Fields.text(pod, "status", "phase"), containers);
    }
}
