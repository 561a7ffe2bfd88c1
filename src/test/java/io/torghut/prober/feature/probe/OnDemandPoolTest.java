package io.torghut.prober.feature.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;
import org.junit.jupiter.api.Test;

class OnDemandPoolTest {

    /** One task after another, each finished before the next: one thread does them all (the old pool made 16). */
    @Test
    void sequentialTasksReuseTheIdleThread() throws Exception {
        OnDemandPool pool = new OnDemandPool(16, 30, Thread::new);
        try {
            Set<Thread> used = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 50; i++) {
                pool.submit(() -> used.add(Thread.currentThread())).get(5, TimeUnit.SECONDS);
                // let the worker get back to waiting for the next task
                for (int spin = 0; spin < 2000 && !waiting(pool); spin++) {
                    Thread.sleep(1);
                }
            }
            assertEquals(1, used.size(), "threads used: " + used.size());
            assertEquals(1, pool.getLargestPoolSize());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Blocked tasks: threads grow to the maximum, further tasks wait in the queue and all of them still run. */
    @Test
    void busyThreadsGrowToTheMaximumThenTasksQueue() throws Exception {
        OnDemandPool pool = new OnDemandPool(3, 30, Thread::new);
        try {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch ran = new CountDownLatch(7);
            for (int i = 0; i < 7; i++) {
                pool.execute(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ran.countDown();
                });
            }
            assertEquals(3, pool.getPoolSize());
            assertEquals(4, pool.getQueue().size());
            release.countDown();
            assertTrue(ran.await(5, TimeUnit.SECONDS), "queued tasks did not all run");
            assertEquals(3, pool.getLargestPoolSize());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStoppedPoolRefusesTasks() {
        OnDemandPool pool = new OnDemandPool(2, 30, Thread::new);
        pool.shutdownNow();
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
    }

    @Test
    void stopInterruptsRunningTasks() throws Exception {
        OnDemandPool pool = new OnDemandPool(2, 30, Thread::new);
        CountDownLatch started = new CountDownLatch(1);
        Future<?> stuck = pool.submit(() -> {
            started.countDown();
            Thread.sleep(60_000);
            return null;
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(stuck.isDone());
    }

    @SuppressWarnings("unchecked")
    private static boolean waiting(OnDemandPool pool) {
        return ((TransferQueue<Runnable>) pool.getQueue()).hasWaitingConsumer();
    }
}
