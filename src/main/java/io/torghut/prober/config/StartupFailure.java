package io.torghut.prober.config;

import io.torghut.prober.core.ConfigProblem;

/** Turns a startup failure into one line: the configuration problem when there is one, else the innermost cause. */
public final class StartupFailure {
    private static final int MAX = 400;

    private StartupFailure() {
    }

    public static String oneLine(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigProblem) {
                return clean(t.getMessage());
            }
            root = t;
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return clean(root.getClass().getSimpleName() + message);
    }

    /** One line, printable characters only, bounded: configuration text can come from anywhere. */
    private static String clean(String text) {
        String flat = text.replaceAll("\\s*[\\r\\n]+\\s*", "; ").replaceAll("\\p{Cntrl}|\\p{Cf}", "?");
        return flat.length() > MAX ? flat.substring(0, MAX) + "..." : flat;
    }
}
