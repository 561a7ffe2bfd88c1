package io.torghut.prober.pause;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events (core v1) on the Knative Service, so {@code kubectl describe ksvc torghut} shows what the prober
 * did. Best effort, in the background: an Event that cannot be written is logged, never fails or delays the pause.
 */
public final class PauseEvents {
    private static final Logger LOG = Logger.getLogger(PauseEvents.class);
    /** Events are written in the background, in order: the audit must not delay the answer to Alertmanager. */
    private static final java.util.concurrent.ExecutorService WRITER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "pause-events");
        thread.setDaemon(true);
        return thread;
    });
    private final KubernetesClient client;
    private final String namespace;
    private final String service;
    private final String instance;
    private final Duration timeout;
    private final Clock clock;

    public PauseEvents(KubernetesClient client, String namespace, String service, String instance, Duration timeout, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.service = service;
        this.instance = instance;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @param reason CamelCase, e.g. {@code TradingPaused}; {@code warning} marks the Event type */
    public void record(String reason, String message, boolean warning) {
        String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Event event = new EventBuilder()
                .withNewMetadata().withGenerateName(service + ".pause.").withNamespace(namespace).endMetadata()
                .withNewInvolvedObject().withApiVersion("serving.knative.dev/v1").withKind("Service").withName(service)
                .withNamespace(namespace).endInvolvedObject()
                .withReason(reason).withMessage(io.torghut.prober.core.FreeText.line(message, 1000))
                .withType(warning ? "Warning" : "Normal")
                .withNewSource().withComponent("torghut-prober").endSource()
                .withReportingComponent("torghut-prober").withReportingInstance(instance)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1).build();
        WRITER.execute(() -> {
            try {
                Deadline.within(timeout, () -> client.v1().events().inNamespace(namespace).resource(event).create());
            } catch (Exception e) {
                LOG.warnf("could not record Event %s on ksvc/%s in %s: %s", reason, service, namespace,
                        String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        });
    }
}
