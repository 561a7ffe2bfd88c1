package io.torghut.prober.shared;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The prober's own threads: daemons named {@code prefix-n}. A probe stuck on a dependency, an Event for an API that
 * has gone or a git round on a hung host is abandoned at a stop, and must never keep a stopping JVM alive.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    public static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
