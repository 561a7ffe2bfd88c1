package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Optional;

/**
 * One container env entry as declared in a spec. Only plain {@code value:} entries the findings need carry a value
 * ({@code TRADING_ENABLED}, and {@code TA_CLICKHOUSE_URL} and {@code CLICKHOUSE_HOST} without user-info or query); for
 * the dependency variables ({@code DB_DSN}, {@code TA_CLICKHOUSE_URL}, {@code CLICKHOUSE_HOST}) a literal value is
 * read into an {@link Endpoint} (scheme, hosts, port: never user or password) and, for {@code DB_DSN}, not kept at
 * all. For {@code secretKeyRef} only the reference (secret name and key) is kept, never the secret's content.
 *
 * @param value      the literal value, empty when the entry comes from a reference or is not one the prober needs
 * @param secretName the referenced Secret, empty unless {@code valueFrom.secretKeyRef}
 * @param secretKey  the referenced key of that Secret
 * @param fromOther  set from a ConfigMap or the downward API: the value is not known here
 * @param endpoint   for a dependency variable with a literal value: where it points
 */
@RegisterForReflection
public record EnvVar(String name, Optional<String> value, Optional<String> secretName, Optional<String> secretKey,
                     boolean fromOther, Optional<Endpoint> endpoint) {

    public EnvVar(String name, Optional<String> value, Optional<String> secretName, Optional<String> secretKey, boolean fromOther) {
        this(name, value, secretName, secretKey, fromOther, Optional.empty());
    }

    public static EnvVar plain(String name, String value) {
        return new EnvVar(name, Optional.ofNullable(value), Optional.empty(), Optional.empty(), false);
    }

    public static EnvVar secret(String name, String secret, String key) {
        return new EnvVar(name, Optional.empty(), Optional.ofNullable(secret), Optional.ofNullable(key), false);
    }

    /** A literal dependency variable: where it points, and the value only where it carries no credential. */
    public static EnvVar dependency(String name, Optional<String> safeValue, Endpoint endpoint) {
        return new EnvVar(name, safeValue, Optional.empty(), Optional.empty(), false, Optional.of(endpoint));
    }

    /** Whether the value is written in the spec itself (not from a Secret, ConfigMap or the downward API). */
    public boolean literal() {
        return secretName.isEmpty() && !fromOther;
    }
}
