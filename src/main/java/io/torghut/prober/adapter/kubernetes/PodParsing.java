package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.shared.model.Condition;
import io.torghut.prober.shared.model.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns pods into records: conditions ({@code PodScheduled=False reason=Unschedulable ...}), container states and
 * restarts only (a pod's env may hold secrets; it is not read). Messages are outside text, cleaned here. Pure.
 */
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
                    Fields.outside(waiting, "reason"), Fields.outside(waiting, "message"), Fields.outside(last, "reason"),
                    exitCode instanceof Number n ? Optional.of(n.intValue()) : Optional.empty()));
        }
        List<Condition> conditions = new ArrayList<>();
        for (Object c : Fields.list(pod, "status", "conditions")) {
            conditions.add(new Condition(Fields.text(c, "type"), Fields.text(c, "status"), Fields.outside(c, "reason"),
                    Fields.outside(c, "message")));
        }
        Object labels = Fields.at(pod, "metadata", "labels");
        return new PodInfo(Fields.text(pod, "metadata", "name"), Fields.text(labels, REVISION_LABEL),
                Fields.instant(Fields.text(pod, "metadata", "creationTimestamp")), Fields.text(pod, "status", "phase"), containers,
                conditions);
    }
}
