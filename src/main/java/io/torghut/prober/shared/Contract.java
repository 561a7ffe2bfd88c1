package io.torghut.prober.shared;

/**
 * Names that other tools and repositories depend on, written once: the GitOps variable, the manifest it lives in and
 * the prefix of every metric (alert rules and dashboards match on it).
 */
public final class Contract {
    /** The variable the pause sets to {@code "false"} and Torghut reads as a Python boolean. */
    public static final String TRADING_ENABLED = "TRADING_ENABLED";
    /** The runbook's Knative Service manifest in the GitOps repository (the default of {@code prober.target.manifest-path}). */
    public static final String MANIFEST_PATH = "argocd/applications/torghut/knative-service.yaml";
    /** Every metric the prober owns starts with this. */
    public static final String METRIC_PREFIX = "torghut_prober_";

    private Contract() {
    }
}
