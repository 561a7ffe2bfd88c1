package io.torghut.prober.feature.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.clock.ManualJobs;
import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.feature.probe.Probe;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.ProbeRunner;
import io.torghut.prober.feature.probe.ProbeSpec;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Hysteresis;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.testsupport.StubTorghut;
import io.torghut.prober.testsupport.TestServices;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link HttpStatusProbe} and {@link TradingHealthProbe} against a local stub that misbehaves on demand. */
class HttpProbesStubServerTest {
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final Duration BUDGET = Duration.ofMillis(700);
    private static final HttpFetcher HTTP = new HttpFetcher();
    private static StubTorghut stub;

    @BeforeAll
    static void startStub() {
        stub = StubTorghut.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    private static HttpStatusProbe healthz(String path) {
        return new HttpStatusProbe(URI.create(stub.url() + path), Optional.empty(), HTTP);
    }

    private static TradingHealthProbe tradingHealth(String path) {
        return new TradingHealthProbe(URI.create(stub.url() + path), HTTP);
    }

    /** Runs the check and asserts it returned within the budget plus a generous margin. */
    private static ProbeOutcome timed(Probe probe) {
        long start = System.nanoTime();
        ProbeOutcome outcome = probe.check(BUDGET);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BUDGET.plusMillis(1000)) < 0, "took " + took.toMillis() + "ms: " + outcome);
        return outcome;
    }

    @Test
    void ok200() {
        stub.set("/ok", "ok");
        assertTrue(timed(healthz("/ok")).success());
        ProbeOutcome trading = timed(tradingHealth("/ok"));
        assertTrue(trading.success(), trading::toString);
        assertTrue(trading.evidence().isEmpty());
    }

    @Test
    void degraded503KeepsTheFailingDependencies() {
        stub.set("/degraded", "degraded");
        ProbeOutcome outcome = timed(tradingHealth("/degraded"));
        assertEquals(FailureReason.HTTP_5XX, outcome.reason(), outcome::toString);
        assertEquals("postgres", outcome.evidence().get("failing_dependencies"));
        assertEquals("GET /trading/health answered HTTP 503; dependencies not ok: postgres", outcome.detail());
        assertEquals(FailureReason.HTTP_5XX, timed(healthz("/degraded")).reason());
    }

    @Test
    void notFoundIsHttp4xxAndUnauthorizedIsAuth() {
        stub.set("/gone", "status:404");
        stub.set("/locked", "status:401");
        assertEquals(FailureReason.HTTP_4XX, timed(healthz("/gone")).reason());
        assertEquals(FailureReason.AUTH, timed(tradingHealth("/locked")).reason());
    }

    @Test
    void bytesThatAreNotHttpFailAsAOneLineConnectFailure() {
        stub.set("/garbage", "garbage");
        ProbeOutcome outcome = timed(healthz("/garbage"));
        assertEquals(FailureReason.CONNECT, outcome.reason(), outcome::toString);
        assertTrue(outcome.detail().startsWith("connection to " + stub.url() + " failed"), outcome.detail());
        assertFalse(outcome.detail().contains("\n"), outcome.detail());
    }

    @Test
    void a200WithAGarbageBodyIsJudgedByStatus() {
        stub.set("/garbage-body", "garbage-body");
        ProbeOutcome outcome = timed(tradingHealth("/garbage-body"));
        assertTrue(outcome.success(), outcome::toString);
        assertTrue(outcome.evidence().isEmpty());
    }

    @Test
    void slowerThanTheTimeoutIsTimeout() {
        stub.set("/slow", "slow:3000");
        ProbeOutcome outcome = timed(tradingHealth("/slow"));
        assertEquals(FailureReason.TIMEOUT, outcome.reason(), outcome::toString);
    }

    @Test
    void slowButWithinTheTimeoutIsOk() {
        stub.set("/slowish", "slow:200");
        assertTrue(timed(healthz("/slowish")).success());
    }

    @Test
    void neverAnsweringIsTimeoutAtTheBudget() {
        stub.set("/hang", "hang");
        long start = System.nanoTime();
        ProbeOutcome outcome = timed(healthz("/hang"));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(FailureReason.TIMEOUT, outcome.reason(), outcome::toString);
        assertTrue(took >= BUDGET.toMillis() - 50, "gave up early: " + took + "ms");
        // The client's own request timeout and the fetcher's deadline race: either wording, both name the target.
        assertTrue(outcome.detail().startsWith("no answer") && outcome.detail().endsWith(stub.url()), outcome.detail());
    }

    @Test
    void neverAnsweringThroughTheRunnerIsRecordedAtTheProbeTimeout() throws Exception {
        stub.set("/hang-runner", "hang");
        stub.set("/fine", "ok");
        // A longer timeout here so that "not delayed" has a clear margin on a busy machine.
        Duration timeout = Duration.ofSeconds(2);
        ScheduledProbe hung = new ScheduledProbe(ProbeSpec.of("healthz", SignalRole.SERVICE, Duration.ofSeconds(1), timeout),
                new HttpStatusProbe(URI.create(stub.url() + "/hang-runner"), Optional.empty(), HTTP));
        ScheduledProbe fine = new ScheduledProbe(ProbeSpec.of("trading-health", SignalRole.TRADING, Duration.ofSeconds(1), timeout),
                new TradingHealthProbe(URI.create(stub.url() + "/fine"), HTTP));
        SignalStore store = new SignalStore(new Hysteresis(2, 2));
        store.register(hung.name(), hung.spec().role(), Optional.empty());
        store.register(fine.name(), fine.spec().role(), Optional.empty());
        ManualJobs jobs = new ManualJobs();
        ProbeRunner runner = new ProbeRunner(List.of(hung, fine), store, Clock.systemUTC(), new Redactor(), 4, jobs);
        try {
            long start = System.nanoTime();
            var hungResult = runner.runNow(hung);
            ProbeResult fineResult = runner.runNow(fine).get(2, TimeUnit.SECONDS);
            long fineTook = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(fineResult.success(), fineResult::toString);
            assertTrue(fineTook < timeout.toMillis() - 500, "the hung probe delayed the other one: " + fineTook + "ms");

            ProbeResult result = hungResult.get(10, TimeUnit.SECONDS);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(FailureReason.TIMEOUT, result.reason(), result::toString);
            assertTrue(took >= timeout.toMillis() * 9 / 10 - 50, "gave up early: " + took + "ms");
            assertTrue(took < timeout.toMillis() + 1000, "recorded late: " + took + "ms");
            assertEquals(FailureReason.TIMEOUT, store.get("healthz").orElseThrow().latest().orElseThrow().reason());
        } finally {
            runner.stop();
            jobs.close();
        }
    }

    @Test
    void resetMidResponseIsConnect() {
        stub.set("/reset", "reset");
        ProbeOutcome outcome = timed(tradingHealth("/reset"));
        assertEquals(FailureReason.CONNECT, outcome.reason(), outcome::toString);
        assertFalse(outcome.detail().contains("\n"), outcome.detail());
    }

    @Test
    void nothingListeningIsConnect() {
        HttpStatusProbe probe = new HttpStatusProbe(URI.create("http://127.0.0.1:" + TestServices.freePort() + "/healthz"),
                Optional.empty(), HTTP);
        ProbeOutcome outcome = timed(probe);
        assertEquals(FailureReason.CONNECT, outcome.reason(), outcome::toString);
        assertTrue(outcome.detail().startsWith("connection refused by http://127.0.0.1:"), outcome.detail());
    }
}
