package io.torghut.prober.feature.pause.decision;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.git.GitAuthorizationException;
import io.torghut.prober.adapter.git.GitUnavailableException;
import io.torghut.prober.adapter.git.Refusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Callers arriving while a round is in flight share its outcome (or its failure); a later caller starts a new round. */
class SingleFlightTest {
    final SingleFlight<String> flight = new SingleFlight<>();
    final AtomicInteger runs = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    private String blockingWork() throws GitUnavailableException {
        runs.incrementAndGet();
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            throw new GitUnavailableException("interrupted");
        }
        return "round-" + runs.get();
    }

    @Test
    void followersWaitForTheRoundInFlightAndShareItsOutcome() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        Future<SingleFlight.Shared<String>> leader = pool.submit(() -> flight.run(this::blockingWork));
        entered.await();
        List<Thread> followers = new ArrayList<>();
        List<SingleFlight.Shared<String>> shared = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    shared.add(flight.run(() -> "own round (must not run)"));
                } catch (GitUnavailableException e) {
                    throw new IllegalStateException(e);
                }
            });
            followers.add(t);
            t.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> followers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        release.countDown();
        for (Thread t : followers) {
            t.join(30_000);
        }
        assertEquals(new SingleFlight.Shared<>("round-1", true), leader.get());
        assertEquals(8, shared.size());
        assertTrue(shared.stream().allMatch(s -> s.equals(new SingleFlight.Shared<>("round-1", false))), shared.toString());
        assertEquals(1, runs.get());
        assertEquals(new SingleFlight.Shared<>("next", true), flight.run(() -> "next"), "after landing, a new call runs its own work");
        pool.shutdown();
    }

    @Test
    void followersGetTheRoundsFailureWithItsKind() throws Exception {
        Throwable failure = followerFailure(new GitAuthorizationException(Refusal.AUTHORIZATION, "authorization failed: not authorized"));
        assertTrue(failure instanceof GitAuthorizationException, failure.toString());
        assertEquals("authorization failed: not authorized", failure.getMessage());
        assertFalse(flight.run(() -> "fresh").value().isEmpty());
    }

    /** Git unreachable during the round: every follower gets that (retry later), not a generic failure. */
    @Test
    void followersOfARoundWithGitUnreachableMayRetry() throws Exception {
        Throwable failure = followerFailure(new GitUnavailableException("git unreachable: connect timed out"));
        assertEquals(GitUnavailableException.class, failure.getClass(), failure.toString());
        assertEquals("git unreachable: connect timed out", failure.getMessage());
    }

    /** What a follower that joined the round in flight gets when that round fails with {@code failure}. */
    private Throwable followerFailure(GitUnavailableException failure) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        Future<?> leader = pool.submit(() -> flight.run(() -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        }));
        entered.await();
        Future<?> follower = pool.submit(() -> flight.run(() -> "own"));
        await().atMost(Duration.ofSeconds(30)).until(SingleFlightTest::aFollowerWaits);
        release.countDown();
        java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class, follower::get);
        assertThrows(java.util.concurrent.ExecutionException.class, leader::get);
        pool.shutdown();
        return failed.getCause();
    }

    /** A follower interrupted while it waits (shutdown) stops waiting, says why, and keeps its interrupt for its caller. */
    @Test
    void anInterruptedFollowerStopsWaitingAndStaysInterrupted() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        Future<?> leader = pool.submit(() -> flight.run(this::blockingWork));
        entered.await();
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread follower = new Thread(() -> {
            try {
                outcome.set(flight.run(() -> "own"));
            } catch (GitUnavailableException e) {
                outcome.set(e.getMessage() + " / interrupted=" + Thread.currentThread().isInterrupted());
            }
        });
        follower.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> follower.getState() == Thread.State.WAITING);
        follower.interrupt();
        follower.join(30_000);
        assertEquals("interrupted while waiting for the pause already in flight / interrupted=true", outcome.get());
        release.countDown();
        assertEquals(new SingleFlight.Shared<>("round-1", true), leader.get(), "the round itself carries on");
        pool.shutdown();
    }

    /** A thread parked in CompletableFuture.get: a follower waiting for the round in flight. */
    private static boolean aFollowerWaits() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("pool-"))
                .filter(t -> t.getState() == Thread.State.WAITING)
                .anyMatch(t -> java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().equals(CompletableFuture.class.getName())));
    }
}
