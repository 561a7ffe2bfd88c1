package io.torghut.prober.pause;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a blocking Kubernetes call with a hard deadline, whatever the client's own timeouts are. */
final class Deadline {
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "pause-kubernetes-call");
        thread.setDaemon(true);
        return thread;
    });

    private Deadline() {
    }

    static <T> T within(Duration timeout, Callable<T> call) throws Exception {
        Future<T> future = CALLS.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException("no answer within " + timeout.toMillis() + "ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
