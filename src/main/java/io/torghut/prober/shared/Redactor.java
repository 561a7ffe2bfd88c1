package io.torghut.prober.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The last line of defence for secrets: every detail line a probe produces passes through here before it is stored,
 * so a password echoed by a server or a driver never reaches logs, /diagnose or an exception message.
 */
public class Redactor {
    static final String MASK = "****";
    /** Shorter secrets would mask ordinary words; the clients are careful not to echo them in the first place. */
    private static final int MIN_LENGTH = 4;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            if (!encoded.equals(secret)) {
                secrets.add(encoded);
                // URIs encode a space as %20, forms as '+': a DSN carries the former.
                secrets.add(encoded.replace("+", "%20"));
            }
        }
    }

    public String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String cleaned = text;
        // Longest first: when one secret contains another, masking the shorter first would leave the rest visible.
        for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            cleaned = cleaned.replace(secret, MASK);
        }
        return cleaned;
    }
}
