package io.torghut.prober.shared.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A known log line: a regex found in a line, the finding it feeds and, for dependency errors, which dependency.
 *
 * @param procedure the runbook procedure of the finding: {@code B} for the UUID crash, {@code C} for a dependency's
 *                  configuration (Postgres refusing writes or credentials, ClickHouse spoken to on its native port),
 *                  {@code A} otherwise
 */
public record LogSignature(String id, String procedure, String finding, Optional<String> dependency, Pattern pattern) {

    public static final String STARTUP_CRASH = "startup-crash";
    public static final String DEPENDENCY_UNREACHABLE = "dependency-unreachable";
    public static final String UUID_JSON = "uuid-json-serialization";
    /** Postgres refuses what Torghut sends: writes on a read-only instance, its credentials. */
    public static final String POSTGRES_MISCONFIGURED = "postgres-misconfigured";
    /** ClickHouse refuses what Torghut sends: HTTP on the native port, its credentials. */
    public static final String CLICKHOUSE_MISCONFIGURED = "clickhouse-misconfigured";

    public static LogSignature of(String id, String finding, String dependency, String regex) {
        String procedure = UUID_JSON.equals(finding) ? "B"
                : POSTGRES_MISCONFIGURED.equals(finding) || CLICKHOUSE_MISCONFIGURED.equals(finding) ? "C" : "A";
        return new LogSignature(id, procedure, finding, Optional.ofNullable(dependency), Pattern.compile(regex));
    }

    /** Whether the signature says a dependency refuses Torghut's configuration (not that it cannot be reached). */
    public boolean configuration() {
        return POSTGRES_MISCONFIGURED.equals(finding) || CLICKHOUSE_MISCONFIGURED.equals(finding);
    }
}
