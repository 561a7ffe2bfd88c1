package io.torghut.prober.shared;

import java.util.HashSet;
import java.util.Set;

/**
 * Walks an exception's cause chain. Clients wrap the interesting failure (a refused connection, a timeout) several
 * layers deep, so classification looks along the chain rather than at the top exception. Stops on self-causes and
 * on loops.
 */
public final class Causes {
    private Causes() {
    }

    /** Whether {@code e} or any of its causes is a {@code type}. */
    public static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause ({@code e} itself when it has none). */
    public static Throwable root(Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        Throwable root = e;
        seen.add(root);
        while (root.getCause() != null && seen.add(root.getCause())) {
            root = root.getCause();
        }
        return root;
    }

    /** {@code SimpleName: message} of the innermost cause, for one-line details. */
    public static String rootMessage(Throwable e) {
        Throwable root = root(e);
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
