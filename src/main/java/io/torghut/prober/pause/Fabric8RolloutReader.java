package io.torghut.prober.pause;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.torghut.prober.gitops.ContainerChoice;
import io.torghut.prober.gitops.TradingFlagEditor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads {@code services.serving.knative.dev} and {@code revisions.serving.knative.dev} as generic resources. */
public final class Fabric8RolloutReader implements RolloutReader {
    static final ResourceDefinitionContext SERVICES = context("Service", "services");
    static final ResourceDefinitionContext REVISIONS = context("Revision", "revisions");
    private final KubernetesClient client;
    private final String namespace;
    private final String service;
    private final Optional<String> container;
    private final Duration timeout;

    public Fabric8RolloutReader(KubernetesClient client, String namespace, String service, Optional<String> container, Duration timeout) {
        this.client = client;
        this.namespace = namespace;
        this.service = service;
        this.container = container;
        this.timeout = timeout;
    }

    @Override
    public Rollout read() throws Exception {
        GenericKubernetesResource ksvc = Deadline.within(timeout,
                () -> client.genericKubernetesResources(SERVICES).inNamespace(namespace).withName(service).get());
        if (ksvc == null) {
            return new Rollout(false, null, null, Map.of(), null);
        }
        Map<?, ?> status = map(ksvc.getAdditionalProperties().get("status"));
        String created = text(status.get("latestCreatedRevisionName"));
        String ready = text(status.get("latestReadyRevisionName"));
        Map<String, Long> traffic = new HashMap<>();
        for (Object item : list(status.get("traffic"))) {
            Map<?, ?> target = map(item);
            String revision = text(target.get("revisionName"));
            if (revision != null && target.get("percent") instanceof Number percent) {
                traffic.merge(revision, percent.longValue(), Long::sum);
            }
        }
        String trading = null;
        if (ready != null) {
            GenericKubernetesResource revision = Deadline.within(timeout,
                    () -> client.genericKubernetesResources(REVISIONS).inNamespace(namespace).withName(ready).get());
            trading = revision == null ? null : tradingEnabled(revision);
        }
        return new Rollout(true, created, ready, traffic, trading);
    }

    private String tradingEnabled(GenericKubernetesResource revision) {
        List<?> containers = list(map(revision.getAdditionalProperties().get("spec")).get("containers"));
        List<ContainerChoice.Candidate> candidates = new ArrayList<>();
        for (Object c : containers) {
            Map<?, ?> spec = map(c);
            candidates.add(new ContainerChoice.Candidate(text(spec.get("name")), !list(spec.get("ports")).isEmpty()));
        }
        OptionalInt chosen = ContainerChoice.pick(candidates, container);
        if (chosen.isEmpty()) {
            return null;
        }
        String value = null;
        for (Object e : list(map(containers.get(chosen.getAsInt())).get("env"))) {
            Map<?, ?> env = map(e);
            if (TradingFlagEditor.VARIABLE.equals(env.get("name"))) {
                value = text(env.get("value"));
            }
        }
        return value;
    }

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("serving.knative.dev").withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
