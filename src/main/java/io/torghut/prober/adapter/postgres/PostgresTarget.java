package io.torghut.prober.adapter.postgres;

import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code DB_DSN}: a JDBC URL without credentials, the user, the password and driver properties.
 * {@link #toString()} never shows the password.
 */
public record PostgresTarget(String jdbcUrl, Optional<String> user, Optional<String> password, Map<String, String> properties) {

    public PostgresTarget {
        properties = Map.copyOf(properties);
    }

    /** host:port/db only, for messages. */
    public String display() {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + display() + ", user=" + user.orElse("(none)") + ", password=" + (password.isPresent() ? "****" : "(none)") + "]";
    }
}
