package io.torghut.prober.adapter.git;

import java.util.Locale;
import java.util.regex.Pattern;

/** The remote URLs the prober accepts, and which of them are SSH. Pure. */
public final class GitRemotes {
    /** scp-like: {@code git@github.com:org/repo.git} (no scheme, a user, a colon before the path). */
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!//)[^\\s]+");

    private GitRemotes() {
    }

    public static boolean isSsh(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("ssh://") || SCP_LIKE.matcher(url).matches();
    }

    /** https://, http:// (tests and in-cluster hosts), file:, ssh:// and scp-like {@code user@host:path}. */
    public static boolean supported(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("file:") || isSsh(url);
    }
}
