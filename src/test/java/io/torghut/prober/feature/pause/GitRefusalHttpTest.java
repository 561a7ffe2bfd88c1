package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.model.PendingKind;
import io.torghut.prober.feature.pause.record.PauseDiagnosis;
import io.torghut.prober.feature.pause.record.PauseMetrics;
import io.torghut.prober.feature.pause.record.PauseView;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.testsupport.GitHttpHooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 24's failure 6, against a smart-HTTP Git host: a host's refusal is not the request's fault. Git's 403 on
 * fetch, 401 or 403 on push, a hook declining for maintenance: 503 {@code refused} (Alertmanager retries a 5xx, never
 * a 4xx), with the internal retry that lands the pause once the person fixes it; {@code refused} stays in the audit,
 * the metric and the pending work. Main answered 409 and never retried. And a repository URL that merely contains
 * "403" or "permissions" is classified on git's words, not on the URL: the host being down is {@code pending}.
 */
class GitRefusalHttpTest {
    @TempDir
    Path tmp;
    HttpPauseRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new HttpPauseRig(tmp);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    HttpPauseRig.Replica prober() {
        return rig.replica("wc", rig.host.url(BareRepo.NAME), Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofMillis(500));
    }

    static void assertRefused(PauseRecords.Answer answer, String says) {
        assertEquals(503, answer.status(), answer.message());
        assertEquals("refused", answer.action());
        assertTrue(answer.message().contains(says), answer.message());
        assertTrue(answer.message().endsWith("nothing was committed, the prober retries"), answer.message());
    }

    /** Then the person fixes it, and the internal retry lands the pause without another request. */
    void assertRetriedUntilItLands(HttpPauseRig.Replica prober, Runnable fix) {
        assertEquals(PendingKind.GIT, prober.state().pending().orElseThrow().kind());
        assertTrue(prober.state().pending().orElseThrow().lastError().startsWith("refused: "), prober.state().pending().toString());
        assertEquals(1.0, rig.count("refused"));
        fix.run();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            return rig.remote.log().size() == 2;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> prober.state().pending().isEmpty());
        assertEquals("paused", prober.state().lastAction().orElseThrow().action());
    }

    @ParameterizedTest(name = "push answered {0}")
    @ValueSource(ints = {401, 403})
    void aPushTheHostRefusesIs503AndRetried(int status) {
        rig.host.refusePushes(status);
        HttpPauseRig.Replica prober = prober();
        PauseRecords.Answer answer = prober.handle(PauseRequest.manual("oncall", "stale", false));
        assertRefused(answer, "authorization failed");
        assertEquals(io.torghut.prober.adapter.git.Refusal.AUTHORIZATION, answer.refusal());
        assertRetriedUntilItLands(prober, () -> rig.host.refusePushes(0));
    }

    @Test
    void aFetchTheHostForbidsIs503AndRetried() {
        rig.host.forbid(true);
        HttpPauseRig.Replica prober = prober();
        assertRefused(prober.handle(PauseRequest.manual("oncall", "stale", false)), "authorization failed");
        assertRetriedUntilItLands(prober, () -> rig.host.forbid(false));
    }

    @Test
    void aHookDecliningForMaintenanceIs503AndRetried() throws Exception {
        GitHttpHooks.decline(rig.remote.bare(), "read-only during maintenance, retry in 5 minutes");
        HttpPauseRig.Replica prober = prober();
        assertRefused(prober.handle(PauseRequest.manual("oncall", "stale", false)), "read-only during maintenance, retry in 5 minutes");
        assertRetriedUntilItLands(prober, () -> {
            try {
                GitHttpHooks.clear(rig.remote.bare());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aUrlThatNamesPermissionsOr403IsNotAnAuthorizationFailureWhenTheHostIsDown() {
        HttpPauseRig.Replica prober = rig.replica("wc", "http://127.0.0.1:9/permissions/403.git", Duration.ofSeconds(5),
                Duration.ofSeconds(20), Duration.ofMinutes(30));
        PauseRecords.Answer answer = prober.handle(PauseRequest.manual("oncall", "stale", false));
        assertEquals(503, answer.status(), answer.message());
        assertEquals("pending", answer.action(), answer.message());
        assertFalse(answer.message().contains("authorization"), answer.message());
        assertEquals(0.0, rig.count("refused"));
    }

    /**
     * Issue 21, point 2: without a signing key, a branch that requires signed commits refuses the pause; the answer,
     * the metric and the finding say that the branch requires signed commits (503: the host's refusal is not the
     * request's fault).
     */
    @Test
    void anUnsignedPauseOnABranchThatRequiresSignedCommitsSaysSoEverywhere() throws Exception {
        io.torghut.prober.testsupport.GnuPg keys = io.torghut.prober.testsupport.GnuPg.home(tmp.resolve("host-gnupg"));
        GitHttpHooks.requireSignedCommits(rig.remote.bare(), keys.dir());
        HttpPauseRig.Replica prober = prober();
        io.torghut.prober.feature.verdict.TradingStateSource trading = Services.tradingOn();
        PauseView view = new PauseView(prober.service(), prober.desired(), prober.state(), prober.tracker(), trading, () -> true, null, false);
        PauseMetrics.register(rig.registry, view);
        PauseRecords.Answer answer = prober.handle(PauseRequest.manual("oncall", "stale", false));
        assertRefused(answer, "the branch requires signed commits");
        assertEquals(io.torghut.prober.adapter.git.Refusal.UNSIGNED, answer.refusal());
        assertEquals(1.0, rig.registry.get("torghut_prober_pause_refused").tag("reason", "unsigned").gauge().value());
        assertEquals(0.0, rig.registry.get("torghut_prober_pause_refused").tag("reason", "authorization").gauge().value());
        List<String> lines = new PauseDiagnosis(view).textLines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FINDING: the pause is refused (unsigned): set GITOPS_SIGNING_KEY_FILE")),
                lines.toString());
    }
}
