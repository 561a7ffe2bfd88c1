package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.shared.Contract;
import io.torghut.prober.shared.model.Condition;
import io.torghut.prober.shared.model.ContainerChoice;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns Knative Service and Revision objects into records. Pure. */
public final class KnativeParsing {
    private KnativeParsing() {
    }

    /** @param container the configured container name, empty for {@link ContainerChoice}'s default rule */
    public static KnativeServiceInfo service(Map<String, Object> body, Optional<String> container) {
        List<KnativeServiceInfo.Traffic> traffic = new ArrayList<>();
        for (Object t : Fields.list(body, "status", "traffic")) {
            traffic.add(new KnativeServiceInfo.Traffic(Fields.text(t, "revisionName"), Fields.number(t, "percent"),
                    Boolean.parseBoolean(Fields.text(t, "latestRevision"))));
        }
        Object app = appContainer(Fields.list(body, "spec", "template", "spec", "containers"), container);
        return new KnativeServiceInfo(Fields.text(body, "metadata", "name"), conditions(body),
                Fields.optionalText(body, "status", "latestCreatedRevisionName"),
                Fields.optionalText(body, "status", "latestReadyRevisionName"), traffic,
                Fields.optionalText(app, "image"), env(app));
    }

    public static RevisionInfo revision(Map<String, Object> body, Optional<String> container) {
        Object app = appContainer(Fields.list(body, "spec", "containers"), container);
        // At runtime Knative names an unnamed user container user-container.
        String runtimeName = app == null || Fields.text(app, "name").isEmpty() ? ContainerChoice.DEFAULT_NAME : Fields.text(app, "name");
        Optional<String> digest = Optional.empty();
        List<?> statuses = Fields.list(body, "status", "containerStatuses");
        for (Object status : statuses) {
            if (runtimeName.equals(Fields.text(status, "name")) || statuses.size() == 1) {
                digest = Fields.optionalText(status, "imageDigest");
            }
        }
        return new RevisionInfo(Fields.text(body, "metadata", "name"), Fields.instant(Fields.text(body, "metadata", "creationTimestamp")),
                conditions(body), Fields.optionalText(app, "image"), digest, env(app));
    }

    /** Conditions as read; reason and message are outside text, made safe to print here (FreeText, no credentials). */
    static List<Condition> conditions(Object body) {
        List<Condition> conditions = new ArrayList<>();
        for (Object c : Fields.list(body, "status", "conditions")) {
            conditions.add(new Condition(Fields.text(c, "type"), Fields.text(c, "status"), Fields.outside(c, "reason"),
                    Fields.outside(c, "message")));
        }
        return conditions;
    }

    /** Torghut's container by {@link ContainerChoice}, the rule the GitOps editor uses too; null when ambiguous. */
    static Object appContainer(List<?> containers, Optional<String> configured) {
        List<ContainerChoice.Candidate> candidates = new ArrayList<>();
        for (Object c : containers) {
            candidates.add(new ContainerChoice.Candidate(Fields.text(c, "name"), !Fields.list(c, "ports").isEmpty()));
        }
        OptionalInt chosen = ContainerChoice.choose(candidates, configured).index();
        return chosen.isPresent() ? containers.get(chosen.getAsInt()) : null;
    }

    /**
     * The only env values the findings need as written; any other value (someone may inline a password) is dropped at
     * once. The dependency variables ({@link EnvEndpoints#VARIABLES}) are read into where they point, never kept whole.
     */
    static final java.util.Set<String> KEPT_VALUES = java.util.Set.of(Contract.TRADING_ENABLED);

    /**
     * Names always; plain values only for {@link #KEPT_VALUES}; for the dependency variables scheme, hosts and port
     * ({@link EnvEndpoints}); for secret references only the Secret's name and key.
     */
    static List<EnvVar> env(Object container) {
        List<EnvVar> env = new ArrayList<>();
        for (Object e : Fields.list(container, "env")) {
            String name = Fields.text(e, "name");
            Object secretRef = Fields.at(e, "valueFrom", "secretKeyRef");
            if (secretRef != null) {
                env.add(EnvVar.secret(name, Fields.text(secretRef, "name"), Fields.text(secretRef, "key")));
            } else if (Fields.at(e, "valueFrom") != null) {
                env.add(new EnvVar(name, Optional.empty(), Optional.empty(), Optional.empty(), true));
            } else if (EnvEndpoints.VARIABLES.contains(name)) {
                env.add(EnvEndpoints.read(name, Fields.text(e, "value")));
            } else {
                env.add(KEPT_VALUES.contains(name) ? EnvVar.plain(name, Fields.text(e, "value"))
                        : new EnvVar(name, Optional.empty(), Optional.empty(), Optional.empty(), false));
            }
        }
        return env;
    }
}
