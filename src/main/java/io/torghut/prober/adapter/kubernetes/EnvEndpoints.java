package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.adapter.postgres.PostgresDsn;
import io.torghut.prober.shared.FreeText;
import io.torghut.prober.shared.model.Endpoint;
import io.torghut.prober.shared.model.EnvVar;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the literal value of a dependency variable the runbook names ({@code DB_DSN}, {@code TA_CLICKHOUSE_URL},
 * {@code CLICKHOUSE_HOST}) into an {@link Endpoint} at the moment it is read: scheme, hosts and port only. A DSN
 * carries a password, so {@code DB_DSN} is parsed as the prober parses its own ({@link PostgresDsn}: libpq URI,
 * {@code jdbc:postgresql:}, key=value) and its text is not kept; a URL keeps its text without user-info, query and
 * fragment. Pure.
 */
final class EnvEndpoints {
    static final String DB_DSN = "DB_DSN";
    static final Set<String> URL_VARS = Set.of("TA_CLICKHOUSE_URL", "CLICKHOUSE_HOST");
    static final Set<String> VARIABLES = Set.of(DB_DSN, "TA_CLICKHOUSE_URL", "CLICKHOUSE_HOST");
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^:/\\[\\]]+)(?::(\\d{1,5}))?");

    private EnvEndpoints() {
    }

    /** The entry for a literal value of one of {@link #VARIABLES}. */
    static EnvVar read(String name, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (DB_DSN.equals(name)) {
            return EnvVar.dependency(name, Optional.empty(), dsn(value));
        }
        String safe = FreeText.line(withoutCredentials(value));
        return EnvVar.dependency(name, Optional.of(safe), url(safe));
    }

    /** {@code scheme://user:password@host/...?password=...} without user-info, query and fragment. */
    static String withoutCredentials(String value) {
        String cut = USER_INFO.matcher(value).replaceFirst("$1");
        int end = cut.length();
        for (char c : new char[] {'?', '#'}) {
            int at = cut.indexOf(c);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        return cut.substring(0, end);
    }

    static Endpoint dsn(String value) {
        try {
            String jdbc = PostgresDsn.parse(value).jdbcUrl(); // jdbc:postgresql://h1:5432,h2/db: no user, no password
            String hosts = jdbc.substring("jdbc:postgresql://".length());
            hosts = hosts.substring(0, hosts.indexOf('/') < 0 ? hosts.length() : hosts.indexOf('/'));
            String scheme = value.startsWith("jdbc:") ? "jdbc:postgresql" : value.contains("://") ? value.substring(0, value.indexOf("://")) : "";
            return hostList(scheme, hosts.split(","));
        } catch (IllegalArgumentException e) {
            // PostgresDsn's messages never repeat the input.
            return Endpoint.unreadable(e.getMessage());
        }
    }

    static Endpoint url(String safe) {
        if (safe.isEmpty()) {
            return Endpoint.unreadable("empty");
        }
        try {
            URI uri = URI.create(safe);
            if (uri.getHost() != null) {
                return new Endpoint(uri.getScheme() == null ? "" : uri.getScheme(), List.of(uri.getHost()),
                        uri.getPort() < 0 ? Optional.empty() : Optional.of(uri.getPort()), Optional.empty());
            }
        } catch (IllegalArgumentException e) {
            // not a URL: maybe host[:port]
        }
        return hostList("", new String[] {safe.contains("://") ? safe.substring(safe.indexOf("://") + 3) : safe});
    }

    private static Endpoint hostList(String scheme, String[] entries) {
        List<String> hosts = new ArrayList<>();
        Optional<Integer> port = Optional.empty();
        for (String entry : entries) {
            var m = HOST_PORT.matcher(entry.strip());
            if (!m.matches()) {
                return Endpoint.unreadable("not host[:port]");
            }
            hosts.add(FreeText.line(m.group(1)));
            if (port.isEmpty() && m.group(2) != null) {
                port = Optional.of(Integer.parseInt(m.group(2)));
            }
        }
        return new Endpoint(scheme, hosts, port, Optional.empty());
    }
}
