package io.torghut.prober.feature.runbook;

import static io.torghut.prober.testsupport.K8sFixtures.NOW;
import static io.torghut.prober.testsupport.K8sFixtures.healthyVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.shared.model.Condition;
import io.torghut.prober.shared.model.EventInfo;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.PodInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Procedure A step 2 on hand-built pods that never started: which cause is named, and what oncall is told to run. */
class PodFindingsTest {
    static final FindingContext CTX = new FindingContext(healthyVerdict(), NOW, Duration.ofMinutes(3), RunbookNames.defaults());
    static final String GOOD = "registry.example.com/lab/torghut@sha256:good";
    static final String BAD = "registry.example.com/lab/torghut@sha256:bad";

    static KnativeObservation obs(Duration age, List<PodInfo> pods, List<EventInfo> events) {
        KnativeServiceInfo ksvc = new KnativeServiceInfo("torghut", List.of(), Optional.of("torghut-00042"), Optional.of("torghut-00041"),
                List.of(new KnativeServiceInfo.Traffic("torghut-00041", 100, false)), Optional.empty(), List.of());
        RevisionInfo newest = new RevisionInfo("torghut-00042", NOW.minus(age), List.of(new Condition("Ready", "Unknown", "Deploying", "")),
                Optional.of(BAD), Optional.of(BAD), List.of());
        RevisionInfo serving = new RevisionInfo("torghut-00041", NOW.minus(Duration.ofDays(1)), List.of(new Condition("Ready", "True", "", "")),
                Optional.of(GOOD), Optional.of(GOOD), List.of());
        return new KnativeObservation(NOW, Optional.of(ksvc), List.of(newest, serving), pods, List.of(), List.of(), events);
    }

    static PodInfo waiting(String reason, String message) {
        return new PodInfo("torghut-00042-deployment-a-b", "torghut-00042", NOW, "Pending",
                List.of(new PodInfo.ContainerState("user-container", false, 0, false, reason, message, "", Optional.empty())));
    }

    static EventInfo event(String kind, String object, String reason, String message) {
        return new EventInfo(kind, object, "Warning", reason, message, 3, Instant.parse("2026-11-27T22:58:00Z"), "kubelet");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "ErrImagePull      | rpc error: manifest unknown | pods of torghut-00042 cannot pull their image: ErrImagePull (rpc error: manifest unknown)",
        "ImagePullBackOff  | Back-off pulling image      | pods of torghut-00042 cannot pull their image: ImagePullBackOff (Back-off pulling image)",
        "ContainerCreating | ''                          | pods of torghut-00042 stay in ContainerCreating: ContainerCreating",
        "CreateContainerConfigError | configmap \"torghut-flags\" not found | pods of torghut-00042 cannot create their container: CreateContainerConfigError (configmap \"torghut-flags\" not found)",
    })
    void aWaitingReasonNamesTheCause(String reason, String message, String summary) {
        Finding f = PodFindings.notStarted(obs(Duration.ofMinutes(10), List.of(waiting(reason, message)), List.of()), CTX).orElseThrow();
        assertEquals(summary, f.summary());
        assertEquals(Severity.WARNING, f.severity(), "torghut-00041 still serves");
        assertTrue(f.commands().stream().noneMatch(c -> c.contains(" logs ")), f.commands().toString());
        assertTrue(f.commands().contains("kubectl -n torghut describe pod torghut-00042-deployment-a-b"), f.commands().toString());
        boolean image = reason.contains("Image");
        assertEquals(image, !f.gitops().isEmpty(), "an image rollback only when the image is the cause: " + f.gitops());
        if (image) {
            assertEquals(new GitOpsStep(RunbookNames.MANIFEST, "image: " + BAD, "image: " + GOOD), f.gitops().get(0));
        }
    }

    @Test
    void aMissingSecretIsTheMissingSecretFindingsNotThisOne() {
        assertEquals(Optional.empty(), PodFindings.notStarted(obs(Duration.ofMinutes(10),
                List.of(waiting("CreateContainerConfigError", "secret \"torghut-db-app\" not found")), List.of()), CTX));
    }

    @Test
    void insideTheGraceARolloutIsDeploying() {
        assertEquals(Optional.empty(), PodFindings.notStarted(obs(Duration.ofMinutes(1), List.of(waiting("ContainerCreating", "")), List.of()), CTX));
    }

    @Test
    void aVolumeThatCannotBeMountedIsNamedFromTheEvent() {
        Finding f = PodFindings.notStarted(obs(Duration.ofMinutes(10), List.of(waiting("ContainerCreating", "")),
                List.of(event("Pod", "torghut-00042-deployment-a-b", "FailedMount",
                        "MountVolume.SetUp failed for volume \"flags\" : configmap \"torghut-flags\" not found"))), CTX).orElseThrow();
        assertEquals("pods of torghut-00042 cannot mount a volume: MountVolume.SetUp failed for volume \"flags\" : configmap \"torghut-flags\" "
                + "not found", f.summary());
        assertTrue(f.evidence().contains("event Warning FailedMount on Pod torghut-00042-deployment-a-b (x3, last 2026-11-27T22:58:00Z, kubelet): "
                + "MountVolume.SetUp failed for volume \"flags\" : configmap \"torghut-flags\" not found"), f.evidence().toString());
    }

    /** A quota refusal names no pod: it is read from the ReplicaSet's FailedCreate, and the commands follow. */
    @Test
    void aQuotaDenialWithNoPodAtAllIsReadFromTheReplicaSet() {
        String quota = "Error creating: pods \"torghut-00042-deployment-6b7c8d9e4-z9x8c\" is forbidden: exceeded quota: compute, requested: "
                + "limits.cpu=6, used: limits.cpu=10, limited: limits.cpu=12";
        Finding f = PodFindings.notStarted(obs(Duration.ofMinutes(10), List.of(),
                List.of(event("ReplicaSet", "torghut-00042-deployment-6b7c8d9e4", "FailedCreate", quota))), CTX).orElseThrow();
        assertEquals("revision torghut-00042: its pods are refused by the API (quota or admission): " + quota, f.summary());
        assertTrue(f.commands().contains("kubectl -n torghut get events --field-selector involvedObject.kind=ReplicaSet,reason=FailedCreate"),
                f.commands().toString());
        assertTrue(f.commands().contains("kubectl -n torghut describe resourcequota"), f.commands().toString());
        assertEquals(List.of(Subject.revision("torghut-00042")), f.subjects());
    }
}
