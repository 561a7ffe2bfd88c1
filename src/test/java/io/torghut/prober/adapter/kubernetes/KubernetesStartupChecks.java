package io.torghut.prober.adapter.kubernetes;

/** Test access to the package-private checks {@code KubernetesProbes} runs at startup. */
public final class KubernetesStartupChecks {
    private KubernetesStartupChecks() {
    }

    public static void check(KubernetesConfig config) {
        KubernetesConfigChecks.check(config);
    }
}
