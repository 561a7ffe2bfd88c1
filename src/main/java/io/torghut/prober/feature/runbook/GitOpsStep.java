package io.torghut.prober.feature.runbook;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A change to make in the GitOps repository (never with kubectl edit: runbook ADR-24-1).
 *
 * @param file   path in the GitOps repository, e.g. {@code argocd/applications/torghut/knative-service.yaml}
 * @param line   the line to find, as it reads now (or the key to look for)
 * @param change what the line must become, or what to do with it
 */
@RegisterForReflection
public record GitOpsStep(String file, String line, String change) {
}
