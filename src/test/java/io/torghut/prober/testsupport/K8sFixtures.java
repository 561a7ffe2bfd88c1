package io.torghut.prober.testsupport;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.torghut.prober.adapter.kubernetes.CnpgReader;
import io.torghut.prober.adapter.kubernetes.EventParsing;
import io.torghut.prober.adapter.kubernetes.KnativeParsing;
import io.torghut.prober.adapter.kubernetes.LogScanner;
import io.torghut.prober.adapter.kubernetes.LogSignatures;
import io.torghut.prober.adapter.kubernetes.PodParsing;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalSnapshot;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.EventInfo;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.LogTail;
import io.torghut.prober.shared.model.PodInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds observations from the YAML and log fixtures under {@code src/test/resources/k8s}, without any server. */
public final class K8sFixtures {
    public static final Instant NOW = Instant.parse("2026-11-27T23:00:00Z");
    /** The password written into the literal DB_DSN of {@code config-error.yaml}: it must never come out again. */
    public static final String CONFIG_ERROR_PASSWORD = "Tq7-hunter2-ro";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private K8sFixtures() {
    }

    public static String text(String resource) {
        try (InputStream in = K8sFixtures.class.getResourceAsStream("/k8s/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<GenericKubernetesResource> objects(String scenario) {
        return parse(text(scenario));
    }

    /** The objects of a multi-document YAML text. */
    public static List<GenericKubernetesResource> parse(String yaml) {
        List<GenericKubernetesResource> objects = new ArrayList<>();
        for (String doc : yaml.split("\n---\n")) {
            objects.add(SERIALIZATION.unmarshal(doc, GenericKubernetesResource.class));
        }
        return objects;
    }

    public static Pod pod(GenericKubernetesResource resource) {
        return SERIALIZATION.convertValue(resource, Pod.class);
    }

    public static List<String> lines(String logFixture) {
        return LogScanner.lines(text("logs/" + logFixture), false);
    }

    public static LogScanner scanner() {
        return new LogScanner(LogSignatures.defaults(), new Redactor());
    }

    /** The observation the reader would build from a scenario; {@code logs} maps "pod" or "pod/previous" to a log fixture. */
    public static KnativeObservation knative(String scenario, Map<String, String> logs) {
        return knative(objects(scenario), logs, NOW);
    }

    /** The observation of {@code objects} (for example {@link #parse}d from an edited fixture), read at {@code at}. */
    public static KnativeObservation knative(List<GenericKubernetesResource> objects, Map<String, String> logs, Instant at) {
        Optional<KnativeServiceInfo> ksvc = Optional.empty();
        List<RevisionInfo> revisions = new ArrayList<>();
        List<PodInfo> pods = new ArrayList<>();
        List<EventInfo> events = new ArrayList<>();
        for (GenericKubernetesResource o : objects) {
            switch (o.getKind()) {
                case "Service" -> ksvc = Optional.of(KnativeParsing.service(Kube.map(o), Optional.empty()));
                case "Revision" -> revisions.add(KnativeParsing.revision(Kube.map(o), Optional.empty()));
                case "Pod" -> pods.add(PodParsing.pod(Kube.map(o)));
                case "Event" -> events.add(EventParsing.event(Kube.map(o)));
                default -> { }
            }
        }
        revisions.sort(Comparator.comparing(RevisionInfo::created).reversed());
        List<LogTail> tails = new ArrayList<>();
        logs.forEach((key, fixture) -> {
            boolean previous = key.endsWith("/previous");
            String pod = previous ? key.substring(0, key.length() - "/previous".length()) : key;
            List<String> lines = lines(fixture);
            tails.add(new LogTail(pod, "user-container", previous, lines.size(), scanner().scan(lines), Optional.empty()));
        });
        return new KnativeObservation(at, ksvc, revisions, pods, tails, List.of(), events);
    }

    public static CnpgObservation cnpg(String scenario) {
        for (GenericKubernetesResource o : objects(scenario)) {
            if ("Cluster".equals(o.getKind())) {
                return new CnpgObservation(NOW, Optional.of(CnpgReader.parse(Kube.map(o))), List.of());
            }
        }
        throw new IllegalArgumentException("no Cluster in " + scenario);
    }

    /** One of the prober's own signals with a settled health. */
    public static SignalState signal(String name, SignalRole role, Health health, FailureReason reason, String detail) {
        boolean ok = health == Health.GOOD;
        ProbeOutcome outcome = ok ? ProbeOutcome.ok(detail) : ProbeOutcome.fail(reason, detail);
        ProbeResult result = new ProbeResult(name, outcome, Duration.ofMillis(12), NOW.minusSeconds(3));
        return new SignalState(name, role, Optional.empty(), health == Health.UNKNOWN ? Optional.empty() : Optional.of(result),
                ok ? Optional.of(NOW.minusSeconds(3)) : Optional.empty(), ok ? 0 : 3, ok ? 3 : 0, health,
                Optional.empty(), Optional.empty(), Optional.of(NOW.minusSeconds(3)));
    }

    public static SignalState good(String name, SignalRole role) {
        return signal(name, role, Health.GOOD, FailureReason.NONE, name + " ok");
    }

    /** A verdict over the given signals; the level is given (the policy is the core's, tested there). */
    public static Verdict verdict(VerdictLevel level, List<String> reasons, SignalState... signals) {
        return new Verdict(level, reasons, List.of(), true, true, NOW, new SignalSnapshot(List.of(signals)));
    }

    /** Every core signal good. */
    public static Verdict healthyVerdict() {
        return verdict(VerdictLevel.HEALTHY, List.of(), good("healthz", SignalRole.SERVICE),
                good("trading-health", SignalRole.TRADING), good("clickhouse", SignalRole.DEPENDENCY),
                good("postgres", SignalRole.DEPENDENCY), good("knative", SignalRole.SERVICE), good("cnpg", SignalRole.DEPENDENCY));
    }
}
