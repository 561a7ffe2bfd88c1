package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.shared.ConfigProblem;
import io.torghut.prober.shared.model.LogSignature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/** The runbook's log signatures, plus the user's additions and replacements from configuration. */
public final class LogSignatures {
    private LogSignatures() {
    }

    /** The runbook's symptoms (procedures A and B), as Python/psycopg/alembic/uvicorn print them. */
    public static List<LogSignature> defaults() {
        return List.of(
                // Procedure B: a raw uuid.UUID reached json.dumps or psycopg's JSON adaptation.
                LogSignature.of("uuid-not-json-serializable", LogSignature.UUID_JSON, null,
                        "Object of type '?UUID'? is not JSON serializable"),
                LogSignature.of("psycopg-cannot-adapt-uuid", LogSignature.UUID_JSON, null,
                        "(?i)can(?:not|'t) adapt type '?UUID'?|ProgrammingError.*\\badapt"),
                // Procedure A, startup crash: import errors, failed migrations, the app giving up on startup.
                LogSignature.of("module-not-found", LogSignature.STARTUP_CRASH, null,
                        "(?:ModuleNotFoundError|ImportError): .+"),
                LogSignature.of("alembic-migration-failed", LogSignature.STARTUP_CRASH, null,
                        "alembic\\.(?:util\\.exc\\.CommandError|script\\.revision\\.\\w+Error)|(?i:alembic).*(?:FAILED|Can't locate revision)"
                                + "|^FAILED: Can't locate revision"),
                LogSignature.of("application-startup-failed", LogSignature.STARTUP_CRASH, null,
                        "Application startup failed|Error loading ASGI app|Worker failed to boot"),
                LogSignature.of("python-traceback", LogSignature.STARTUP_CRASH, null,
                        "^Traceback \\(most recent call last\\):"),
                // Procedure A, dependencies: connection failures naming Postgres or ClickHouse.
                LogSignature.of("postgres-connection-failed", LogSignature.DEPENDENCY_UNREACHABLE, "postgres",
                        "(?i)(?:connection to server at .*port 5432 failed|could not connect to server|"
                                + "(?:psycopg2?|asyncpg|sqlalchemy\\.exc)\\.\\w*(?:OperationalError|ConnectionDoesNotExistError)"
                                + "|could not translate host name \".*\" to address)"),
                LogSignature.of("clickhouse-connection-failed", LogSignature.DEPENDENCY_UNREACHABLE, "clickhouse",
                        "(?i)(?:clickhouse.*(?:connection refused|timed out|timeout|Failed to establish|Name or service not known|unreachable)"
                                + "|port=8123\\).*(?:Max retries exceeded|Connection refused|timed out)"
                                + "|(?:connection refused|timed out|Failed to establish).*:8123)"),
                // Procedure C, configuration: the dependency answers, and refuses what Torghut's env makes it send.
                // Writes on a read-only instance: DB_DSN points at CNPG's -ro/-r service (or the primary is changing).
                LogSignature.of("postgres-read-only", LogSignature.POSTGRES_MISCONFIGURED, "postgres",
                        "(?i)cannot execute [A-Z ]+ in a read-only transaction|ReadOnlySqlTransaction"),
                LogSignature.of("postgres-auth-failed", LogSignature.POSTGRES_MISCONFIGURED, "postgres",
                        "(?i)password authentication failed for user|no pg_hba\\.conf entry for host"),
                // HTTP spoken to the native port: ClickHouse answers it with this text (TA_CLICKHOUSE_URL on 9000).
                LogSignature.of("clickhouse-wrong-protocol", LogSignature.CLICKHOUSE_MISCONFIGURED, "clickhouse",
                        "Port \\d+ is for clickhouse-client program|You must use port 8123 for HTTP"),
                LogSignature.of("clickhouse-auth-failed", LogSignature.CLICKHOUSE_MISCONFIGURED, "clickhouse",
                        "(?i)clickhouse.*(?:Authentication failed|AUTHENTICATION_FAILED|REQUIRED_PASSWORD)|\\bCode: (?:516|193)\\b"));
    }

    /** Defaults overlaid with the configured entries (same id replaces, {@code enabled=false} removes). */
    public static List<LogSignature> from(Map<String, KubernetesConfig.Signature> configured) {
        Map<String, LogSignature> byId = new LinkedHashMap<>();
        defaults().forEach(s -> byId.put(s.id(), s));
        configured.forEach((id, entry) -> {
            String key = "prober.kubernetes.log-signatures." + id;
            if (!entry.enabled()) {
                byId.remove(id);
                return;
            }
            String regex = entry.regex().orElseThrow(() -> new ConfigProblem(key + ".regex", "is required"));
            if (LogSignature.DEPENDENCY_UNREACHABLE.equals(entry.finding()) && entry.dependency().isEmpty()) {
                throw new ConfigProblem(key + ".dependency", "is required for finding dependency-unreachable (postgres or clickhouse)");
            }
            try {
                byId.put(id, LogSignature.of(id, entry.finding(), entry.dependency().orElse(null), regex));
            } catch (PatternSyntaxException e) {
                throw new ConfigProblem(key + ".regex", "is not a valid regular expression: " + e.getDescription());
            }
        });
        return new ArrayList<>(byId.values());
    }
}
