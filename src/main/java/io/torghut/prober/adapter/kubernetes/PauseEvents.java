package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events (core v1) on the Knative Service, so {@code kubectl describe ksvc torghut} shows what the prober
 * did. Best effort, in the background: an Event that cannot be written is logged, never fails or delays the pause.
 */
public final class PauseEvents {
    private static final Logger LOG = Logger.getLogger(PauseEvents.class);
    private final KubernetesClient client;
    private final String namespace;
    private final String service;
    private final String instance;
    private final Clock clock;
    private final Executor writer;

    /**
     * @param timeout bounds each create request
     * @param writer  runs the writes in the background, in order (a single thread owned by the wiring): the audit
     *                must not delay the answer to Alertmanager
     */
    public PauseEvents(KubernetesClient client, String namespace, String service, String instance, Duration timeout, Clock clock,
                       Executor writer) {
        this.client = BoundedClient.of(client, timeout);
        this.namespace = namespace;
        this.service = service;
        this.instance = instance;
        this.clock = clock;
        this.writer = writer;
    }

    /** @param reason CamelCase, e.g. {@code TradingPaused}; {@code warning} marks the Event type */
    public void record(String reason, String message, boolean warning) {
        String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("involvedObject", Map.of("apiVersion", "serving.knative.dev/v1", "kind", "Service", "name", service,
                "namespace", namespace));
        fields.put("reason", reason);
        fields.put("message", io.torghut.prober.shared.FreeText.line(message, 1000));
        fields.put("type", warning ? "Warning" : "Normal");
        fields.put("source", Map.of("component", "torghut-prober"));
        fields.put("reportingComponent", "torghut-prober");
        fields.put("reportingInstance", instance);
        fields.put("firstTimestamp", now);
        fields.put("lastTimestamp", now);
        fields.put("count", 1);
        // A generic object, as every kind the prober reads or writes except the Lease (fabric8's LeaseLock is typed).
        GenericKubernetesResource event = new GenericKubernetesResourceBuilder().withApiVersion("v1").withKind("Event")
                .withNewMetadata().withGenerateName(service + ".pause.").withNamespace(namespace).endMetadata()
                .withAdditionalProperties(fields).build();
        try {
            writer.execute(() -> write(reason, event));
        } catch (RejectedExecutionException e) {
            LOG.debugf("Event %s not recorded: shutting down", reason);
        }
    }

    private void write(String reason, GenericKubernetesResource event) {
        try {
            client.genericKubernetesResources(ApiResource.EVENTS.context()).inNamespace(namespace).resource(event).create();
        } catch (RuntimeException e) {
            LOG.warnf("could not record Event %s: %s", reason,
                    AccessClassifier.classify(e, "create", "events", service + ".pause.*", namespace).describe());
        }
    }
}
