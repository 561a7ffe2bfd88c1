package io.torghut.prober.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events (core v1) on the Knative Service, so {@code kubectl describe ksvc torghut} shows what the prober
 * did. Best effort, in the background: an Event that cannot be written is logged, never fails or delays the pause.
 */
public final class PauseEvents {
    private static final Logger LOG = Logger.getLogger(PauseEvents.class);
    private final KubeApi api;
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
    public PauseEvents(KubeApi api, String namespace, String service, String instance, Duration timeout, Clock clock,
                       Executor writer) {
        this.api = api.withTimeout(timeout);
        this.namespace = namespace;
        this.service = service;
        this.instance = instance;
        this.clock = clock;
        this.writer = writer;
    }

    /** @param reason CamelCase, e.g. {@code TradingPaused}; {@code warning} marks the Event type */
    public void record(String reason, String message, boolean warning) {
        String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        ObjectNode event = KubeJson.MAPPER.createObjectNode().put("apiVersion", "v1").put("kind", "Event");
        event.putObject("metadata").put("generateName", service + ".pause.").put("namespace", namespace);
        event.putObject("involvedObject").put("apiVersion", "serving.knative.dev/v1").put("kind", "Service").put("name", service)
                .put("namespace", namespace);
        event.put("reason", reason).put("message", io.torghut.prober.core.FreeText.line(message, 1000))
                .put("type", warning ? "Warning" : "Normal");
        event.putObject("source").put("component", "torghut-prober");
        event.put("reportingComponent", "torghut-prober").put("reportingInstance", instance)
                .put("firstTimestamp", now).put("lastTimestamp", now).put("count", 1);
        try {
            writer.execute(() -> write(reason, event.toString()));
        } catch (RejectedExecutionException e) {
            LOG.debugf("Event %s not recorded: shutting down", reason);
        }
    }

    private void write(String reason, String event) {
        try {
            api.send("POST", ApiResource.EVENTS.path(namespace), "application/json", event);
        } catch (RuntimeException e) {
            LOG.warnf("could not record Event %s: %s", reason,
                    AccessClassifier.classify(e, "create", "events", service + ".pause.*", namespace).describe());
        }
    }
}
