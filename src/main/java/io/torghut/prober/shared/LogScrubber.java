package io.torghut.prober.shared;

import java.util.regex.Pattern;

/**
 * Masks credentials in log lines before a sample is kept: URL user-info passwords ({@code postgresql://u:p@h}),
 * {@code password=...} pairs and bearer tokens. The Redactor then removes the secrets the prober itself knows.
 */
public final class LogScrubber {
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]+:)[^@\\s/]+@");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|api[_-]?key)\\s*[=:]\\s*['\"]?)[^'\"\\s,;&)]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    /** Long enough for a traceback's last line, short enough for /diagnose. */
    public static final int MAX_SAMPLE = 300;

    private LogScrubber() {
    }

    /** The credentials masked, nothing else changed (no trimming, no shortening). */
    public static String mask(String text) {
        String cleaned = URL_PASSWORD.matcher(text).replaceAll("$1****@");
        cleaned = KEY_VALUE.matcher(cleaned).replaceAll("$1****");
        return BEARER.matcher(cleaned).replaceAll("$1****");
    }

    public static String scrub(String line) {
        String cleaned = mask(line).strip();
        return FreeText.cut(cleaned, MAX_SAMPLE, "...");
    }
}
