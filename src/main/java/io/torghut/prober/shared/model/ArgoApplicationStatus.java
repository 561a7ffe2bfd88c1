package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Optional;

/**
 * What Argo CD says about the Application, as read from its {@code status}: the last operation (a sync the prober or
 * anyone asked for) and the sync state. Text from outside: cleaned where shown.
 *
 * @param operationPhase    {@code status.operationState.phase}: Running, Succeeded, Failed, Error, Terminating
 * @param operationMessage  {@code status.operationState.message} (e.g. "Sync operation blocked by sync window")
 * @param operationRevision {@code status.operationState.operation.sync.revision}: the revision the operation syncs
 * @param syncStatus        {@code status.sync.status}: Synced, OutOfSync, Unknown
 * @param syncRevision      {@code status.sync.revision}: the revision the live state was compared with
 * @param project           {@code spec.project}: where its sync windows are set
 */
@RegisterForReflection
public record ArgoApplicationStatus(Optional<String> operationPhase, Optional<String> operationMessage,
                                    Optional<String> operationRevision, Optional<String> syncStatus, Optional<String> syncRevision,
                                    Optional<String> project) {
}
