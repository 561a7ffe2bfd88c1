package io.torghut.prober.adapter.postgres;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The libpq {@code key=value} connection string: spaces separate pairs, values may be 'single quoted' with \ escapes. */
final class KeyValueDsn {
    private KeyValueDsn() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                throw new IllegalArgumentException("DB_DSN key '" + safeKey(key) + "' has no '=value'");
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(text.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("DB_DSN has an unterminated quoted value for key '" + safeKey(key) + "'");
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(text.charAt(i++));
                    } else {
                        value.append(c);
                    }
                }
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("DB_DSN has a value with no key");
            }
            params.put(key, value.toString());
        }
        return params;
    }

    /** The libpq connection parameter names: the only words an error message may repeat. */
    private static final Set<String> KEYWORDS = Set.of("host", "hostaddr", "port", "dbname", "user", "password",
            "passfile", "require_auth", "channel_binding", "connect_timeout", "client_encoding", "options",
            "application_name", "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval",
            "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode", "sslnegotiation",
            "requiressl", "sslcompression", "sslcert", "sslkey", "sslkeylogfile", "sslpassword", "sslcertmode",
            "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version",
            "ssl_max_protocol_version", "krbsrvname", "gsslib", "gssdelegation", "service", "target_session_attrs",
            "load_balance_hosts");

    /**
     * Keys are printed in errors. Only known parameter names are: in {@code password=two words} the "key" that lacks
     * a value is the second half of the password, and any lower-case word would otherwise pass.
     */
    private static String safeKey(String key) {
        return KEYWORDS.contains(key) ? key : "?";
    }
}
