package io.torghut.prober.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Optional;

/**
 * One container env entry as declared in a spec. Only plain {@code value:} entries the findings need carry a value
 * ({@code TRADING_ENABLED}, {@code TA_CLICKHOUSE_URL}, {@code CLICKHOUSE_HOST}); for
 * {@code secretKeyRef} only the reference (secret name and key) is kept, never the secret's content.
 *
 * @param value      the literal value, empty when the entry comes from a reference or is not one the prober needs
 * @param secretName the referenced Secret, empty unless {@code valueFrom.secretKeyRef}
 * @param secretKey  the referenced key of that Secret
 * @param fromOther  set from a ConfigMap or the downward API: the value is not known here
 */
@RegisterForReflection
public record EnvVar(String name, Optional<String> value, Optional<String> secretName, Optional<String> secretKey,
                     boolean fromOther) {

    public static EnvVar plain(String name, String value) {
        return new EnvVar(name, Optional.ofNullable(value), Optional.empty(), Optional.empty(), false);
    }

    public static EnvVar secret(String name, String secret, String key) {
        return new EnvVar(name, Optional.empty(), Optional.ofNullable(secret), Optional.ofNullable(key), false);
    }
}
