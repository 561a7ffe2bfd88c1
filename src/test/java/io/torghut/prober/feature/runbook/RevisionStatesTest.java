package io.torghut.prober.feature.runbook;

import static io.torghut.prober.testsupport.K8sFixtures.NOW;
import static io.torghut.prober.testsupport.K8sFixtures.healthyVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.shared.model.Condition;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Procedure A on hand-built Knative states: a service that is not Ready although its newest revision is (routes,
 * ingress), the rollout grace at its edge, and which digest the rollback advice names.
 */
class RevisionStatesTest {
    static final Duration GRACE = Duration.ofMinutes(3);
    static final FindingContext CTX = new FindingContext(healthyVerdict(), NOW, GRACE, RunbookNames.defaults());
    static final Condition READY = new Condition("Ready", "True", "", "");

    static RevisionInfo revision(String name, Duration age, String digest, Condition... conditions) {
        return new RevisionInfo(name, NOW.minus(age), List.of(conditions), Optional.of("registry.example.com/torghut:1"),
                Optional.ofNullable(digest), List.of());
    }

    static KnativeServiceInfo ksvc(String ready, Condition... conditions) {
        return new KnativeServiceInfo("torghut", List.of(conditions), Optional.of("torghut-00042"), Optional.ofNullable(ready),
                List.of(), Optional.empty(), List.of());
    }

    static KnativeObservation obs(KnativeServiceInfo ksvc, RevisionInfo... newestFirst) {
        return new KnativeObservation(NOW, Optional.ofNullable(ksvc), List.of(newestFirst), List.of(), List.of(), List.of());
    }

    @Test
    void aServiceNotReadyBehindAReadyRevisionPointsAtRoutes() {
        Condition routes = new Condition("RoutesReady", "False", "IngressNotConfigured", "Ingress has not yet been reconciled.");
        KnativeObservation o = obs(ksvc("torghut-00042", new Condition("Ready", "False", "IngressNotConfigured", ""), routes, READY),
                revision("torghut-00042", Duration.ofMinutes(10), null, READY));
        Finding f = RevisionFindings.serviceNotReady(o, CTX).orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("ksvc torghut is not Ready although its newest revision is", f.summary());
        assertEquals(List.of("ksvc torghut: Ready=False reason=IngressNotConfigured",
                "ksvc torghut: RoutesReady=False reason=IngressNotConfigured message=\"Ingress has not yet been reconciled.\""), f.evidence(),
                "only the conditions that are not True");
        assertEquals(List.of("torghut"), f.resources());
        assertEquals("kubectl -n torghut get routes.serving.knative.dev torghut", f.commands().get(1));
        assertTrue(RevisionFindings.revisionNotReady(o, CTX).isEmpty(), "the revision is fine");
    }

    @Test
    void aServiceNotReadyWhileItsRevisionDeploysOrFailsIsLeftToTheRevisionFinding() {
        Condition notReady = new Condition("Ready", "False", "RevisionMissing", "");
        assertEquals(Optional.empty(), RevisionFindings.serviceNotReady(obs(ksvc(null, notReady),
                revision("torghut-00042", Duration.ofMinutes(1), null, READY)), CTX), "a ready revision still inside the grace");
        assertEquals(Optional.empty(), RevisionFindings.serviceNotReady(obs(ksvc(null, notReady),
                revision("torghut-00042", Duration.ofMinutes(10), null, new Condition("Ready", "False", "ExitCode1", ""))), CTX));
        assertEquals(Optional.empty(), RevisionFindings.serviceNotReady(obs(ksvc("torghut-00042", READY),
                revision("torghut-00042", Duration.ofMinutes(10), null, READY)), CTX), "a Ready service");
        assertEquals(Optional.empty(), RevisionFindings.serviceNotReady(obs(null), CTX), "no service read");
        assertTrue(RevisionFindings.serviceNotReady(obs(ksvc(null, notReady)), CTX).isPresent(), "no revision at all: the service says why");
    }

    /** A revision whose Ready is still Unknown is deploying until the grace has passed, then it is reported. */
    @ParameterizedTest(name = "Unknown for {0}s -> reported {1}")
    @CsvSource({"179, false", "180, true", "600, true"})
    void theRolloutGraceEndsExactlyAtItsLength(long seconds, boolean reported) {
        KnativeObservation o = obs(ksvc("torghut-00041"), revision("torghut-00042", Duration.ofSeconds(seconds), null,
                new Condition("Ready", "Unknown", "Deploying", "")), revision("torghut-00041", Duration.ofHours(2), null, READY));
        assertEquals(reported, RevisionFindings.revisionNotReady(o, CTX).isPresent());
    }

    @Test
    void aRevisionWithoutConditionsPastTheGraceSaysSo() {
        Finding f = RevisionFindings.revisionNotReady(obs(null, revision("torghut-00042", Duration.ofMinutes(10), null)), CTX).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity(), "nothing else serves");
        assertEquals("newest revision torghut-00042 is not Ready (Unknown)", f.summary());
        assertEquals(List.of("revision torghut-00042: no Ready condition yet", "no ready revision serves traffic"), f.evidence());
    }

    @Test
    void onlyConditionsThatAreNotTrueAreEvidenceAndAnIdleRevisionIsNotAProblem() {
        Finding f = RevisionFindings.revisionNotReady(obs(ksvc("torghut-00041"),
                revision("torghut-00042", Duration.ofMinutes(10), null, new Condition("Ready", "False", "ExitCode1", "boom"),
                        new Condition("ContainerHealthy", "True", "", ""), new Condition("Active", "False", "NoTraffic", "idle"),
                        new Condition("ResourcesAvailable", "False", "Deadline", "")),
                revision("torghut-00041", Duration.ofHours(2), null, READY)), CTX).orElseThrow();
        assertEquals(List.of("revision torghut-00042: Ready=False reason=ExitCode1 message=\"boom\"",
                "revision torghut-00042: ResourcesAvailable=False reason=Deadline",
                "traffic still goes to the last ready revision torghut-00041"), f.evidence());
        assertEquals("newest revision torghut-00042 is not Ready (ExitCode1): boom", f.summary());
    }

    @Test
    void theRollbackNamesTheLastReadyRevisionWithAnotherImage() {
        String bad = "registry.example.com/lab/torghut@sha256:bad";
        RevisionInfo failing = revision("torghut-00043", Duration.ofMinutes(5), bad);
        RevisionInfo sameImageElsewhere = revision("torghut-00042", Duration.ofMinutes(30), "mirror.example.com/torghut@sha256:bad", READY);
        RevisionInfo unready = revision("torghut-00041", Duration.ofHours(1), "registry.example.com/lab/torghut@sha256:unready");
        RevisionInfo good = revision("torghut-00040", Duration.ofHours(2), "registry.example.com/lab/torghut@sha256:good", READY);
        assertEquals(Optional.of(new LastKnownGood.Image("torghut-00040", "registry.example.com/lab/torghut@sha256:good")),
                LastKnownGood.pick(obs(null, failing, sameImageElsewhere, unready, good), "torghut-00043"),
                "the same digest through another registry is the same image; an unready revision proves nothing");
        assertEquals(Optional.empty(), LastKnownGood.pick(obs(null, failing, sameImageElsewhere), "torghut-00043"));
        RevisionInfo serving = revision("torghut-00039", Duration.ofHours(3), "registry.example.com/lab/torghut@sha256:serving", READY);
        assertEquals("torghut-00039", LastKnownGood.pick(obs(ksvc("torghut-00039"), failing, good, serving), "torghut-00043").orElseThrow()
                .revision(), "the revision the service routes to comes first");
    }

    /** The service still names as last ready the revision that has since failed: nothing ready serves, so it is critical. */
    @Test
    void aLastReadyRevisionThatFailedSinceIsNotAServingFallback() {
        Finding f = RevisionFindings.revisionNotReady(obs(ksvc("torghut-00042"), revision("torghut-00042", Duration.ofHours(1), null,
                new Condition("Ready", "False", "ExitCode1", ""))), CTX).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("no ready revision serves traffic", f.evidence().get(f.evidence().size() - 1));
    }

    @ParameterizedTest(name = "{0} vs {1}: same {2}")
    @CsvSource({
        "r.io/a@sha256:1, m.io/b@sha256:1, true", "r.io/a@sha256:1, r.io/a@sha256:2, false", "r.io/a:1, r.io/a:1, true",
        "r.io/a:1, r.io/a@sha256:1, false", "@sha256:1, x@sha256:1, true", "x@sha256:1, @sha256:1, true", "'', '', false", "r.io/a:1, '', false"})
    void sameImageComparesDigests(String a, String b, boolean same) {
        assertEquals(same, LastKnownGood.sameImage(a, b));
    }
}
