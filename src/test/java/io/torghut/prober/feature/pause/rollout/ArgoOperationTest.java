package io.torghut.prober.feature.pause.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.shared.model.ArgoApplicationStatus;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 21, point 3: every state of the sync the prober asked for, as Argo CD's status tells it. Pure. */
class ArgoOperationTest {
    static final String OURS = "0123456789abcdef0123456789abcdef01234567";
    static final String OLDER = "fedcba9876543210fedcba9876543210fedcba98";

    static Optional<ArgoApplicationStatus> status(String phase, String message, String revision, String sync, String syncRevision) {
        return Optional.of(new ArgoApplicationStatus(Optional.ofNullable(phase), Optional.ofNullable(message), Optional.ofNullable(revision),
                Optional.ofNullable(sync), Optional.ofNullable(syncRevision), Optional.of("trading")));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(status("Succeeded", "successfully synced", OLDER, "OutOfSync", OLDER), ArgoOperation.State.REQUESTED,
                        "Argo CD has not started the sync of the revision yet"),
                Arguments.of(status(null, null, null, null, null), ArgoOperation.State.REQUESTED, "Argo CD has not started the sync of the revision yet"),
                Arguments.of(status("Running", "Sync operation blocked by sync window", OURS, "OutOfSync", OLDER), ArgoOperation.State.BLOCKED,
                        "Sync operation blocked by sync window"),
                Arguments.of(status("Running", "waiting for healthy state of serving.knative.dev/Service/torghut", OURS, "OutOfSync", OLDER),
                        ArgoOperation.State.RUNNING, "waiting for healthy state of serving.knative.dev/Service/torghut"),
                Arguments.of(status("Failed", "one or more synchronization tasks completed unsuccessfully", OURS, "OutOfSync", OLDER),
                        ArgoOperation.State.FAILED, "Failed: one or more synchronization tasks completed unsuccessfully"),
                Arguments.of(status("Error", "permission denied: applications, sync, trading/torghut", OURS.substring(0, 7), null, null),
                        ArgoOperation.State.FAILED, "Error: permission denied: applications, sync, trading/torghut"),
                Arguments.of(status("Terminating", null, OURS, null, null), ArgoOperation.State.FAILED, "Terminating: Terminating"),
                Arguments.of(status("Succeeded", "successfully synced (all tasks run)", OURS, "Synced", OURS), ArgoOperation.State.SUCCEEDED,
                        "successfully synced (all tasks run)"),
                Arguments.of(status(null, null, null, "Synced", OURS), ArgoOperation.State.SUCCEEDED, "the Application is Synced at the revision"),
                Arguments.of(Optional.empty(), ArgoOperation.State.UNKNOWN, "cannot read it"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void judges(Optional<ArgoApplicationStatus> status, ArgoOperation.State state, String message) {
        ArgoOperation operation = ArgoOperation.judge(OURS, status, "cannot read it");
        assertEquals(state, operation.state());
        assertEquals(message, operation.message());
        assertEquals(OURS, operation.revision());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void onlyABlockOrAFailureIsArgoSayingNo(Optional<ArgoApplicationStatus> status, ArgoOperation.State state, String message) {
        assertEquals(state == ArgoOperation.State.BLOCKED || state == ArgoOperation.State.FAILED, state.refused());
    }
}
