package io.torghut.prober.feature.runbook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every finding id with its procedure: the bounded label set of {@code torghut_prober_findings}. Findings from the
 * Kubernetes observations and findings from the prober's own signals share these ids: one engine, one list.
 */
public final class FindingIds {
    public static final String REVISION_NOT_READY = "revision-not-ready";
    public static final String KSVC_NOT_READY = "ksvc-not-ready";
    public static final String MISSING_SECRET = "missing-secret";
    /** Pods of the revision never started: unschedulable, image not pulled, a volume or sandbox failing, quota or admission. */
    public static final String PODS_NOT_STARTED = "pods-not-started";
    public static final String DEPENDENCY_UNREACHABLE = "dependency-unreachable";
    public static final String STARTUP_CRASH = "startup-crash";
    public static final String UUID_JSON = "uuid-json-serialization";
    public static final String POSTGRES_UNHEALTHY = "postgres-unhealthy";
    public static final String CLICKHOUSE_MISCONFIGURED = "clickhouse-misconfigured";
    /** DB_DSN points where Torghut cannot write (CNPG's -ro or -r service, one instance), or Postgres refuses it. */
    public static final String POSTGRES_MISCONFIGURED = "postgres-misconfigured";
    public static final String CLICKHOUSE_UNREACHABLE = "clickhouse-unreachable";
    public static final String TRADING_ON_BAD_DATA = "trading-still-enabled-on-bad-data";
    /** The verdict says pause and the live TRADING_ENABLED is not known (not read, too old, not a plain value). */
    public static final String PAUSE_RECOMMENDED = "pause-recommended";
    /** Torghut's own /healthz or /trading/health fails and no finding about the cluster or a dependency explains it. */
    public static final String TORGHUT_UNHEALTHY = "torghut-unhealthy";
    /** TA tables stale, empty, or their freshness query fails while ClickHouse itself answers. */
    public static final String TA_DATA_STALE = "ta-data-stale";
    /** An extra target fails; it does not affect the trading decision. */
    public static final String EXTRA_TARGET_FAILING = "extra-target-failing";
    public static final String KUBERNETES_ACCESS = "kubernetes-access";

    private FindingIds() {
    }

    /** id to procedure, in runbook order. */
    public static Map<String, String> all() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(REVISION_NOT_READY, "A");
        ids.put(KSVC_NOT_READY, "A");
        ids.put(MISSING_SECRET, "A");
        ids.put(PODS_NOT_STARTED, "A");
        ids.put(DEPENDENCY_UNREACHABLE, "A");
        ids.put(STARTUP_CRASH, "A");
        ids.put(TORGHUT_UNHEALTHY, "A");
        ids.put(UUID_JSON, "B");
        ids.put(POSTGRES_UNHEALTHY, "C");
        ids.put(POSTGRES_MISCONFIGURED, "C");
        ids.put(CLICKHOUSE_MISCONFIGURED, "C");
        ids.put(CLICKHOUSE_UNREACHABLE, "C");
        ids.put(TA_DATA_STALE, "C");
        ids.put(TRADING_ON_BAD_DATA, "-");
        ids.put(PAUSE_RECOMMENDED, "-");
        ids.put(KUBERNETES_ACCESS, "-");
        ids.put(EXTRA_TARGET_FAILING, "-");
        return ids;
    }
}
