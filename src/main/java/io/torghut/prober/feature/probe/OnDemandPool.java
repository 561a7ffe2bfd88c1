package io.torghut.prober.feature.probe;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A pool that starts a thread only when no idle one can take the task, up to {@code max}, and queues beyond that.
 * A {@link ThreadPoolExecutor} with {@code core = max} starts a new thread for every task until it has {@code max} of
 * them, even while the others sit idle: at rest the prober kept 16 probe workers for its handful of probes, each with
 * its stack and thread-local buffers (README, Memory). One thread always stays, so a queued task is never stranded.
 */
final class OnDemandPool extends ThreadPoolExecutor {

    OnDemandPool(int max, long keepAliveSeconds, ThreadFactory threads) {
        super(1, Math.max(1, max), keepAliveSeconds, TimeUnit.SECONDS, new HandOffQueue(), threads, OnDemandPool::overflow);
    }

    /** All {@code max} threads busy: the task waits in the queue for the next free one (unless the pool is stopped). */
    private static void overflow(Runnable task, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("the pool is stopped");
        }
        ((HandOffQueue) pool.getQueue()).enqueue(task);
    }

    /**
     * {@code offer} (what the executor tries before starting a thread) succeeds only when an idle thread is waiting to
     * take the task at once; otherwise the executor starts a thread, and only when it cannot, {@link #overflow} queues.
     */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}
