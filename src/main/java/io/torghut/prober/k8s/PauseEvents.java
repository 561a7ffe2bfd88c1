package io.torghut.prober.k8s;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
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
        Event event = new EventBuilder()
                .withNewMetadata().withGenerateName(service + ".pause.").withNamespace(namespace).endMetadata()
                .withNewInvolvedObject().withApiVersion("serving.knative.dev/v1").withKind("Service").withName(service)
                .withNamespace(namespace).endInvolvedObject()
                .withReason(reason).withMessage(message.length() > 1000 ? message.substring(0, 1000) : message)
                .withType(warning ? "Warning" : "Normal")
                .withNewSource().withComponent("torghut-prober").endSource()
                .withReportingComponent("torghut-prober").withReportingInstance(instance)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1).build();
        try {
            writer.execute(() -> write(event));
        } catch (RejectedExecutionException e) {
            LOG.debugf("Event %s not recorded: shutting down", reason);
        }
    }

    private void write(Event event) {
        try {
            client.v1().events().inNamespace(namespace).resource(event).create();
        } catch (RuntimeException e) {
            LOG.warnf("could not record Event %s: %s", event.getReason(),
                    AccessClassifier.classify(e, "create", "events", service + ".pause.*", namespace).describe());
        }
    }
}
