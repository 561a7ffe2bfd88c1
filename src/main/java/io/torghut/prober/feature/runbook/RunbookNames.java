package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.Contract;

/**
 * The names the runbook's commands use, from configuration, so that every printed command works as printed.
 *
 * @param manifest         the Knative service manifest in the GitOps repository
 * @param postgresManifest the CNPG cluster manifest
 */
public record RunbookNames(String namespace, String service, String cluster, String container, String manifest,
                           String postgresManifest) {

    public static final String MANIFEST = Contract.MANIFEST_PATH;
    public static final String POSTGRES_MANIFEST = "argocd/applications/torghut/postgres-cluster.yaml";

    public static RunbookNames of(String namespace, String service, String cluster, String container) {
        return of(namespace, service, cluster, container, MANIFEST);
    }

    public static RunbookNames of(String namespace, String service, String cluster, String container, String manifest) {
        return new RunbookNames(namespace, service, cluster, container, manifest, POSTGRES_MANIFEST);
    }

    public static RunbookNames defaults() {
        return of("torghut", "torghut", "torghut-db", "user-container");
    }

    /** {@code kubectl -n <namespace> <rest>}. */
    public String kubectl(String rest) {
        return "kubectl -n " + namespace + " " + rest;
    }

    public String argoSync() {
        return "argocd app sync " + service;
    }
}
