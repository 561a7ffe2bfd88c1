package io.torghut.prober.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Keys are printed in errors; anything odd is replaced so that a mangled password cannot leak through. */
    private static String safeKey(String key) {
        return key.matches("[a-z_]{1,40}") ? key : "?";
    }
}
