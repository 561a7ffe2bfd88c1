package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.PausePlan;
import io.torghut.prober.feature.pause.model.PauseRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.git.ManifestSnapshot;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.model.TradingFlag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plan a recommend-mode pause returns and GET /pause shows: what git says TRADING_ENABLED is, the diff a human
 * applies (or why there is none), the resume diff, and the Argo CD steps with the configured names. Pure.
 */
public class PausePlannerTest {
    public static final String PATH = "argocd/applications/torghut/knative-service.yaml";
    public static final String REPO = "https://git.example/torghut-gitops.git (branch main, " + PATH + ")";
    static final PausePlanner PLANNER = new PausePlanner(new TradingFlagEditor(Optional.empty()), PATH, REPO,
            "https://prober.example/diagnose", "prober-7c9d", "argocd-ns", "torghut-app", "torghut-ns", "torghut-svc");
    static final PauseRequest REQUEST = PauseRequest.manual("oncall@example.com", "ta_signals stale: 9m old", false);

    /** A Knative Service whose user-container has {@code env}, one line per entry (already indented). */
    public static String manifest(String env) {
        return """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: torghut
                spec:
                  template:
                    spec:
                      containers:
                        - name: user-container
                          image: torghut:1
                """ + env;
    }

    public static final String TRUE = "          env:\n            - name: TRADING_ENABLED\n              value: \"true\"\n";
    public static final String FALSE = "          env:\n            - name: TRADING_ENABLED\n              value: \"false\"\n";

    static Optional<ManifestSnapshot> snapshot(String text) {
        return Optional.of(new ManifestSnapshot("0123456789abcdef", Optional.of(text)));
    }

    @Test
    void tradingInGitGivesThePauseDiffAndNoResumeDiff() {
        PausePlan plan = PLANNER.plan(REQUEST, snapshot(manifest(TRUE)), "unused");
        assertEquals(TradingFlag.ENABLED, plan.desiredInGit());
        assertEquals(List.of("-              value: \"true\"", "+              value: \"false\""), changed(plan.diff()));
        assertTrue(plan.diff().startsWith("--- a/" + PATH + "\n+++ b/" + PATH + "\n"), plan.diff());
        assertNull(plan.resumeDiff(), "not paused in git: nothing to resume");
        assertNull(plan.note(), "a diff needs no excuse");
        assertEquals(List.of("ta_signals stale: 9m old"), plan.reasons());
        assertEquals(REPO, plan.repository());
        assertTrue(plan.commitMessage().startsWith("Pause trading: TRADING_ENABLED=\"false\" in " + PATH + "\n\nWhat: set TRADING_ENABLED "
                + "of container user-container from \"true\" to \"false\"\n"), plan.commitMessage());
        assertTrue(plan.commitMessage().contains("Diagnosis: https://prober.example/diagnose\nRequested by: oncall@example.com (manual)\n"
                + "Committed by: torghut-prober prober-7c9d\n"), plan.commitMessage());
    }

    @Test
    void alreadyPausedInGitGivesTheResumeDiffAndSaysSo() {
        PausePlan plan = PLANNER.plan(REQUEST, snapshot(manifest(FALSE)), "unused");
        assertEquals(TradingFlag.DISABLED, plan.desiredInGit());
        assertNull(plan.diff(), "nothing to change for a pause");
        assertEquals(List.of("-              value: \"false\"", "+              value: \"true\""), changed(plan.resumeDiff()));
        assertEquals("already paused in git: TRADING_ENABLED of container user-container is already \"false\"", plan.note());
    }

    @Test
    void aManifestTheEditorRefusesIsExplainedWithoutADiff() {
        PausePlan plan = PLANNER.plan(REQUEST, snapshot(manifest("          env:\n            TRADING_ENABLED: \"true\"\n")), "unused");
        assertEquals(TradingFlag.UNKNOWN, plan.desiredInGit());
        assertNull(plan.diff());
        assertNull(plan.resumeDiff());
        assertEquals("the manifest cannot be edited: env of container user-container is not a list", plan.note());
    }

    @Test
    void anAbsentVariableIsUnknownInGitAndThePauseInsertsIt() {
        PausePlan plan = PLANNER.plan(REQUEST, snapshot(manifest("")), "unused");
        assertEquals(TradingFlag.UNKNOWN, plan.desiredInGit(), "absent is not \"true\": Torghut's default is not ours to guess");
        assertEquals(List.of("+          env:", "+            - name: TRADING_ENABLED", "+              value: \"false\""), changed(plan.diff()));
        assertNull(plan.resumeDiff(), "only a manifest that says false has a resume diff");
        assertNull(plan.note());
    }

    @Test
    void withoutGitThePlanSaysWhyAndStillGivesTheCommitMessageAndSteps() {
        PausePlan plan = PLANNER.plan(REQUEST, Optional.empty(), "git unreachable: connect timed out");
        assertEquals(TradingFlag.UNKNOWN, plan.desiredInGit());
        assertNull(plan.diff());
        assertNull(plan.resumeDiff());
        assertEquals("git unreachable: connect timed out", plan.note());
        assertTrue(plan.commitMessage().contains("What: set TRADING_ENABLED to \"false\"\n"), plan.commitMessage());
        assertEquals(3, plan.steps().size());
    }

    @Test
    void aBranchWithoutTheManifestNamesTheRepository() {
        PausePlan plan = PLANNER.plan(REQUEST, Optional.of(new ManifestSnapshot("0123", Optional.empty())), "unused");
        assertEquals("no manifest at " + REPO, plan.note());
        assertEquals(TradingFlag.UNKNOWN, plan.desiredInGit());
        assertNull(plan.diff());
    }

    @Test
    void theStepsUseTheConfiguredNames() {
        List<String> steps = PLANNER.plan(REQUEST, snapshot(manifest(TRUE)), "unused").steps();
        assertEquals("commit and push the diff to " + REPO, steps.get(0));
        assertEquals("argocd app sync torghut-app   (or: kubectl -n argocd-ns patch applications.argoproj.io torghut-app --type merge "
                + "-p '{\"operation\":{\"sync\":{\"revision\":\"<commit>\"}}}')", steps.get(1));
        assertEquals("wait until a new revision with TRADING_ENABLED=false is Ready and takes all traffic: kubectl -n torghut-ns get ksvc "
                + "torghut-svc -o jsonpath='{.status.latestCreatedRevisionName} {.status.latestReadyRevisionName} {.status.traffic}'",
                steps.get(2));
    }

    /** GitOps desired state as the metric and /diagnose show it, parsed like Torghut parses the live value. */
    @ParameterizedTest(name = "value {0} in git -> desired {1}")
    @CsvSource(delimiter = '|', value = {
        "\"true\"|true", "\"yes\"|true", "\"on\"|true", "\"false\"|false", "\"0\"|false", "\"maybe\"|unknown", "''|unknown"})
    void desiredInGitParsesLikeTorghut(String value, String desired) {
        String text = manifest("          env:\n            - name: TRADING_ENABLED\n              value: " + value + "\n");
        assertEquals(desired, PausePlanner.desired(PLANNER.editor().set(text, false)).label());
        assertEquals(desired, PLANNER.plan(REQUEST, snapshot(text), "unused").desiredInGit().label());
    }

    /**
     * Two entries: Kubernetes applies the last one, so git says false, and the editor reads the file the same way: the
     * pause is already there, nothing to commit (issue 24, point 4).
     */
    @Test
    void withTwoEntriesGitSaysWhatTheLastOneSays() {
        String text = manifest("          env:\n            - name: TRADING_ENABLED\n              value: \"true\"\n"
                + "            - name: TRADING_ENABLED\n              value: \"false\"\n");
        PausePlan plan = PLANNER.plan(REQUEST, snapshot(text), "unused");
        assertEquals(TradingFlag.DISABLED, plan.desiredInGit());
        assertEquals(null, plan.diff(), "already paused as Kubernetes reads it");
        assertTrue(plan.note().startsWith("already paused in git"), plan.note());
    }

    /** The other order: the last says true, so trading is on; the pause sets every entry, leaving no stale one to read. */
    @Test
    void withTheLastEntryTrueGitSaysTrueAndThePauseSetsBoth() {
        String text = manifest("          env:\n            - name: TRADING_ENABLED\n              value: \"false\"\n"
                + "            - name: TRADING_ENABLED\n              value: \"true\"\n");
        PausePlan plan = PLANNER.plan(REQUEST, snapshot(text), "unused");
        assertEquals(TradingFlag.ENABLED, plan.desiredInGit());
        assertEquals(List.of("-              value: \"true\"", "+              value: \"false\""), changed(plan.diff()));
    }

    public static List<String> changed(String diff) {
        return diff.lines().filter(l -> (l.startsWith("-") || l.startsWith("+")) && !l.startsWith("---") && !l.startsWith("+++")).toList();
    }
}
