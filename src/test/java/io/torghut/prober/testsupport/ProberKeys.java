package io.torghut.prober.testsupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration a whole-app test resource hands Quarkus, built from named parts ("Torghut at this URL, every
 * second", "trigger mode against this repository") instead of each resource writing the same keys out again. A later
 * part or {@link #set} overrides an earlier one.
 */
public final class ProberKeys {
    /** Nothing listens on the discard port of loopback: a probe against it fails at once with "connection refused". */
    public static final String UNREACHABLE = "http://127.0.0.1:9";

    private final Map<String, String> keys = new LinkedHashMap<>();

    private ProberKeys() {
    }

    public static ProberKeys prober() {
        return new ProberKeys();
    }

    /** Torghut's /healthz and /trading/health at {@code url}, both on the given schedule. */
    public ProberKeys torghut(String url, String interval, String timeout) {
        set("prober.torghut.url", url);
        for (String probe : new String[] {"healthz", "trading-health"}) {
            schedule("prober.torghut." + probe, interval, timeout);
        }
        return this;
    }

    /** Torghut and ClickHouse unreachable: their probes (and the freshness probes) fail at once. */
    public ProberKeys torghutAndClickHouseUnreachable() {
        return set("prober.torghut.url", UNREACHABLE).set("prober.clickhouse.url", UNREACHABLE);
    }

    /** ClickHouse at {@code url} with the test services' user, on the given schedule ({@code null}: the defaults). */
    public ProberKeys clickhouse(String url, String interval, String timeout) {
        set("prober.clickhouse.url", url);
        set("prober.clickhouse.username", TestServices.CH_USER);
        set("prober.clickhouse.password", TestServices.CH_PASSWORD);
        return schedule("prober.clickhouse", interval, timeout);
    }

    /** The two freshness signals on tables of the test's own, with one max age, on the given schedule. */
    public ProberKeys freshness(String signalsTable, String microbarsTable, String maxAge, String interval, String timeout) {
        set("prober.freshness.tables.ta_signals.table", signalsTable);
        set("prober.freshness.tables.ta_signals.max-age", maxAge);
        set("prober.freshness.tables.ta_microbars.table", microbarsTable);
        set("prober.freshness.tables.ta_microbars.max-age", maxAge);
        return schedule("prober.freshness", interval, timeout);
    }

    /** PostgreSQL of the test services' user on {@code port}, on the given schedule. */
    public ProberKeys postgres(int port, String interval, String timeout) {
        set("prober.postgres.dsn", TestServices.pgUri(TestServices.PG_USER, TestServices.PG_PASSWORD, port));
        return schedule("prober.postgres", interval, timeout);
    }

    /**
     * A session open at any hour, so that freshness counts whenever the test runs; the verdict every second (the
     * scheduler's finest; a signal's change of health re-evaluates it at once anyway).
     */
    public ProberKeys alwaysOpen() {
        return set("prober.session.always-open", "true").evaluateEvery("1s");
    }

    public ProberKeys evaluateEvery(String every) {
        return set("prober.policy.evaluate-every", every);
    }

    /** No Knative/CNPG probes: without a Kubernetes API they would keep the verdict from ever being healthy. */
    public ProberKeys kubernetesOff() {
        return set("prober.kubernetes.enabled", "false");
    }

    /**
     * Trigger mode with {@code token} against a real git repository: the working copy under {@code workDir}, git calls
     * bounded to 5 s, and no background refresh or effectiveness check (1 h) to race the test.
     */
    public ProberKeys triggerMode(String token, String repoUrl, Path workDir, String kubernetesTimeout) {
        set("prober.pause.mode", "trigger");
        set("prober.pause.token", token);
        set("prober.gitops.repo-url", repoUrl);
        set("prober.gitops.work-dir", workDir.toString());
        set("prober.gitops.timeout", "5s");
        set("prober.gitops.refresh-every", "1h");
        set("prober.pause.effective-check-every", "1h");
        return set("prober.pause.kubernetes-timeout", kubernetesTimeout);
    }

    public ProberKeys set(String key, String value) {
        keys.put(key, value);
        return this;
    }

    public Map<String, String> build() {
        return Map.copyOf(keys);
    }

    /** {@code <prefix>.interval} and {@code .timeout} where given ({@code null}: the default stays). */
    public ProberKeys schedule(String prefix, String interval, String timeout) {
        if (interval != null) {
            set(prefix + ".interval", interval);
        }
        if (timeout != null) {
            set(prefix + ".timeout", timeout);
        }
        return this;
    }
}
