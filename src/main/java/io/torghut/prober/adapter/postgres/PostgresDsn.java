package io.torghut.prober.adapter.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parses the three DSN forms Torghut deployments use into a {@link PostgresTarget}:
 * the libpq URI that CNPG's {@code <cluster>-app} secret holds ({@code postgresql://user:pass@host:5432/db?sslmode=require}),
 * a {@code jdbc:postgresql:} URL, and the libpq key=value form ({@code host=... dbname=... user=... password='...'}).
 * Error messages never repeat the input, because the input contains a password.
 */
public final class PostgresDsn {
    private PostgresDsn() {
    }

    /** libpq parameters that pgjdbc knows under another name. */
    private static final Map<String, String> RENAMED = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "target_session_attrs", "targetServerType");

    /** The start of a URL of some other kind: {@code scheme://} or {@code jdbc:}. */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://|jdbc:");

    public static PostgresTarget parse(String dsn) {
        String text = dsn == null ? "" : dsn.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("DB_DSN is empty");
        }
        if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
            return fromUri(text.substring(text.indexOf("://") + 3), false);
        }
        if (text.startsWith("jdbc:postgresql://")) {
            return fromUri(text.substring("jdbc:postgresql://".length()), true);
        }
        if (text.startsWith("jdbc:postgresql:")) {
            // pgjdbc's short forms jdbc:postgresql:db and jdbc:postgresql:/ mean localhost
            String rest = text.substring("jdbc:postgresql:".length());
            return fromUri(rest.startsWith("/") ? rest : "/" + rest, true);
        }
        if (SCHEME.matcher(text).lookingAt()) {
            // otherwise "mysql://u:pw@h/db?ssl=1" would pass as one odd key=value pair aimed at localhost
            throw new IllegalArgumentException("DB_DSN has an unsupported scheme; use postgresql://, postgres://, jdbc:postgresql: or key=value pairs");
        }
        if (text.contains("=")) {
            return fromKeyValue(text);
        }
        throw new IllegalArgumentException("DB_DSN is neither a postgresql:// URI, a jdbc:postgresql:// URL nor key=value pairs");
    }

    private static PostgresTarget fromUri(String rest, boolean jdbc) {
        String userInfo = null;
        int at = rest.lastIndexOf('@', firstOf(rest, '/', '?'));
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        int queryAt = rest.indexOf('?');
        String query = queryAt < 0 ? "" : rest.substring(queryAt + 1);
        String hostAndPath = queryAt < 0 ? rest : rest.substring(0, queryAt);
        int slash = hostAndPath.indexOf('/');
        String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String database = slash < 0 ? "" : decode(hostAndPath.substring(slash + 1));
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                params.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Optional<String> user = Optional.ofNullable(params.remove("user"));
        Optional<String> password = Optional.ofNullable(params.remove("password"));
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1)));
            }
        }
        String dbname = params.remove("dbname");
        if (database.isEmpty() && dbname != null) {
            database = dbname;
        }
        String hostList = hosts.isEmpty() ? params.getOrDefault("host", "localhost") : hosts;
        params.remove("host");
        String port = params.remove("port");
        return build(hostList, port, database, user, password, jdbc ? params : renamed(params));
    }

    private static PostgresTarget fromKeyValue(String text) {
        Map<String, String> params = KeyValueDsn.parse(text);
        Optional<String> user = Optional.ofNullable(params.remove("user"));
        Optional<String> password = Optional.ofNullable(params.remove("password"));
        String host = params.remove("host");
        String hostaddr = params.remove("hostaddr");
        String port = params.remove("port");
        String database = params.remove("dbname");
        String hostList = host != null ? host : hostaddr != null ? hostaddr : "localhost";
        // key=value hosts never carry a port, so a colon means an IPv6 address, which a JDBC URL needs in brackets
        hostList = Arrays.stream(hostList.split(",", -1)).map(String::strip)
                .map(h -> h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h).collect(Collectors.joining(","));
        return build(hostList, port, database == null ? "" : database, user, password, renamed(params));
    }

    private static PostgresTarget build(String hosts, String port, String database, Optional<String> user,
                                        Optional<String> password, Map<String, String> params) {
        if (hosts.startsWith("/")) {
            throw new IllegalArgumentException("DB_DSN names a Unix socket directory as host; the prober connects over TCP only");
        }
        StringBuilder url = new StringBuilder("jdbc:postgresql://");
        String[] hostNames = hosts.split(",");
        String[] ports = port == null ? new String[0] : port.split(",");
        for (int i = 0; i < hostNames.length; i++) {
            String host = hostNames[i].strip();
            if (host.isEmpty()) {
                throw new IllegalArgumentException("DB_DSN has an empty host name");
            }
            if (i > 0) {
                url.append(',');
            }
            url.append(host);
            boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
            if (hasPort && !host.substring(host.lastIndexOf(':') + 1).matches("\\d{1,5}")) {
                throw new IllegalArgumentException("DB_DSN has a port that is not a number");
            }
            if (!hasPort && ports.length > 0) {
                String p = ports[Math.min(i, ports.length - 1)].strip();
                if (!p.matches("\\d{1,5}")) {
                    throw new IllegalArgumentException("DB_DSN has a port that is not a number");
                }
                url.append(':').append(p);
            }
        }
        url.append('/').append(database.isEmpty() ? user.orElse("postgres") : database);
        return new PostgresTarget(url.toString(), user, password, params);
    }

    private static Map<String, String> renamed(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            String name = RENAMED.getOrDefault(key, key);
            if ("targetServerType".equals(name)) {
                value = switch (value) {
                    case "read-write", "primary" -> "primary";
                    case "read-only", "standby" -> "secondary";
                    case "prefer-standby" -> "preferSecondary";
                    default -> "any";
                };
            }
            out.put(name, value);
        });
        return out;
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        if (i < 0) {
            return j < 0 ? text.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DB_DSN has an invalid %-escape");
        }
    }
}
