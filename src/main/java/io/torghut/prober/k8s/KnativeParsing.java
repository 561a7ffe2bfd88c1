package io.torghut.prober.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.torghut.prober.model.Condition;
import io.torghut.prober.model.EnvVar;
import io.torghut.prober.model.KnativeServiceInfo;
import io.torghut.prober.model.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns Knative Service and Revision objects into records. Pure. */
public final class KnativeParsing {
    private KnativeParsing() {
    }

    public static KnativeServiceInfo service(GenericKubernetesResource ksvc, String container) {
        Map<String, Object> body = ksvc.getAdditionalProperties();
        List<KnativeServiceInfo.Traffic> traffic = new ArrayList<>();
        for (Object t : Fields.list(body, "status", "traffic")) {
            traffic.add(new KnativeServiceInfo.Traffic(Fields.text(t, "revisionName"), Fields.number(t, "percent"),
                    Boolean.parseBoolean(Fields.text(t, "latestRevision"))));
        }
        Object app = appContainer(Fields.list(body, "spec", "template", "spec", "containers"), container);
        return new KnativeServiceInfo(ksvc.getMetadata().getName(), conditions(body),
                Fields.optionalText(body, "status", "latestCreatedRevisionName"),
                Fields.optionalText(body, "status", "latestReadyRevisionName"), traffic,
                Fields.optionalText(app, "image"), env(app));
    }

    public static RevisionInfo revision(GenericKubernetesResource revision, String container) {
        Map<String, Object> body = revision.getAdditionalProperties();
        Object app = appContainer(Fields.list(body, "spec", "containers"), container);
        Optional<String> digest = Optional.empty();
        List<?> statuses = Fields.list(body, "status", "containerStatuses");
        for (Object status : statuses) {
            if (container.equals(Fields.text(status, "name")) || statuses.size() == 1) {
                digest = Fields.optionalText(status, "imageDigest");
            }
        }
        return new RevisionInfo(revision.getMetadata().getName(), Fields.instant(revision.getMetadata().getCreationTimestamp()),
                conditions(body), Fields.optionalText(app, "image"), digest, env(app));
    }

    static List<Condition> conditions(Object body) {
        List<Condition> conditions = new ArrayList<>();
        for (Object c : Fields.list(body, "status", "conditions")) {
            conditions.add(new Condition(Fields.text(c, "type"), Fields.text(c, "status"), Fields.text(c, "reason"),
                    Fields.text(c, "message")));
        }
        return conditions;
    }

    /** Knative names the single user container {@code user-container} at runtime; the spec often leaves it unnamed. */
    static Object appContainer(List<?> containers, String name) {
        for (Object c : containers) {
            if (name.equals(Fields.text(c, "name"))) {
                return c;
            }
        }
        for (Object c : containers) {
            if (Fields.text(c, "name").isEmpty()) {
                return c;
            }
        }
        return containers.isEmpty() ? null : containers.get(0);
    }

    /** The only env values the findings need; any other value (someone may inline a password) is dropped at once. */
    static final java.util.Set<String> KEPT_VALUES = java.util.Set.of("TRADING_ENABLED", "TA_CLICKHOUSE_URL", "CLICKHOUSE_HOST");

    /** Names always; plain values only for {@link #KEPT_VALUES}; for secret references only the Secret's name and key. */
    static List<EnvVar> env(Object container) {
        List<EnvVar> env = new ArrayList<>();
        for (Object e : Fields.list(container, "env")) {
            String name = Fields.text(e, "name");
            Object secretRef = Fields.at(e, "valueFrom", "secretKeyRef");
            if (secretRef != null) {
                env.add(EnvVar.secret(name, Fields.text(secretRef, "name"), Fields.text(secretRef, "key")));
            } else if (Fields.at(e, "valueFrom") != null) {
                env.add(new EnvVar(name, Optional.empty(), Optional.empty(), Optional.empty(), true));
            } else {
                env.add(KEPT_VALUES.contains(name) ? EnvVar.plain(name, Fields.text(e, "value"))
                        : new EnvVar(name, Optional.empty(), Optional.empty(), Optional.empty(), false));
            }
        }
        return env;
    }
}
