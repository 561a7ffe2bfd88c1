package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.BranchState;
import io.torghut.prober.feature.pause.model.PausePlan;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.git.GitUnavailableException;
import io.torghut.prober.adapter.git.ManifestSnapshot;
import io.torghut.prober.adapter.git.PauseCommits;
import io.torghut.prober.shared.model.TradingFlag;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What git says about the pause: read (fetch) by the refresh schedule and by every pause, and kept in
 * {@link PauseState} so that GET /pause, /diagnose and the metrics answer without touching git. A read that is older
 * than what a pause has pushed since (a slow refresh that fetched just before the push) is not kept: git has moved on.
 * The plan for the current reasons is computed from the manifest as last read.
 */
public final class GitDesiredState {
    private final Optional<GitOpsPauser> git;
    private final PausePlanner planner;
    private final PauseState state;
    private final Clock clock;
    private final String manifestPath;
    /** The newest fetch kept; a pause's push counts as newer than the fetch it was made on. */
    private long kept = -1;

    /** @param git empty when no repository is configured (GITOPS_REPO_URL) */
    public GitDesiredState(Optional<GitOpsPauser> git, PausePlanner planner, PauseState state, Clock clock, String manifestPath) {
        this.git = git;
        this.planner = planner;
        this.state = state;
        this.clock = clock;
        this.manifestPath = manifestPath;
    }

    public boolean configured() {
        return git.isPresent();
    }

    /** The repository that pauses are committed to; empty when none is configured. */
    Optional<GitOpsPauser> git() {
        return git;
    }

    /** Remote, branch and file (no credentials), or that git is not configured. */
    public String repository() {
        return planner.repository();
    }

    public static String describe(Optional<GitOpsPauser> git, String manifestPath) {
        return git.map(g -> g.repository().describe()).orElse("not configured (GITOPS_REPO_URL), file " + manifestPath);
    }

    public PausePlanner planner() {
        return planner;
    }

    public String manifestPath() {
        return manifestPath;
    }

    /**
     * Reads git (fetch): the tip and its history. A failure is kept as the state's error; the value read before stays.
     *
     * @return the branch, and whether it is the newest view (false: a pause pushed after this fetch began)
     */
    public Read read() throws GitUnavailableException {
        try {
            BranchState branch = git.orElseThrow().read();
            return new Read(branch, remember(branch));
        } catch (GitUnavailableException e) {
            state.git(state.git().failed(e.getMessage()));
            throw e;
        }
    }

    /** A fetch, and whether it was kept as the newest view of git. */
    public record Read(BranchState branch, boolean current) {
    }

    /** Keeps what a fetch saw, unless something newer is kept already; true when kept. */
    synchronized boolean remember(BranchState branch) {
        if (branch.read() < kept) {
            return false;
        }
        kept = branch.read();
        ManifestSnapshot snapshot = branch.manifest();
        BranchHistory history = branch.history();
        String error = snapshot.text().isPresent() ? null : snapshot.problem().orElse("no manifest at " + manifestPath);
        PauseRecords.Change since = history.lastChange().map(c -> new PauseRecords.Change(c.commit(), c.committedAt().toString(),
                c.byProber())).orElse(null);
        state.git(new PauseRecords.GitView(history.atTip(), snapshot.commit(), now(), error, since, snapshot.text().orElse(null), history));
        return true;
    }

    /**
     * What this process's own pause left in git, known without another fetch: the branch read by the round, plus the
     * pushed commit on top. Newer than that read, so a refresh that fetched before the push cannot undo it.
     */
    synchronized void rememberPushed(GitOpsPauser.Result pushed, String instance) {
        kept = Math.max(kept, pushed.branch().read() + 1);
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BranchHistory.FlagChange change = new BranchHistory.FlagChange(pushed.commit(), at, "torghut-prober", true,
                pushed.branch().history().atTip());
        BranchHistory history = new BranchHistory(pushed.commit(), TradingFlag.DISABLED, Optional.of(change),
                Optional.of(new PauseCommits.PauseCommit(pushed.commit(), at, instance)), false);
        state.git(new PauseRecords.GitView(TradingFlag.DISABLED, pushed.commit(), now(), null,
                new PauseRecords.Change(pushed.commit(), at.toString(), true), pushed.manifest().orElse(null), history));
    }

    /** A round that found no editable manifest: kept as the state's error. */
    synchronized void rememberRefusal(GitOpsPauser.Result refused) {
        if (refused.branch().read() >= kept && refused.manifest().isEmpty()) {
            kept = refused.branch().read();
            state.git(new PauseRecords.GitView(TradingFlag.UNKNOWN, refused.commit(), now(), refused.detail(), null, null,
                    refused.branch().history()));
        } else {
            remember(refused.branch());
        }
    }

    /** The plan for the current reasons, from the manifest as last read. */
    public PausePlan currentPlan(List<String> reasons) {
        PauseRecords.GitView view = state.git();
        Optional<ManifestSnapshot> snapshot = view.text() == null ? Optional.empty()
                : Optional.of(new ManifestSnapshot(view.commit(), Optional.of(view.text())));
        return planner.plan(PauseRequest.view(reasons), snapshot, git.isEmpty() ? "git is not configured (GITOPS_REPO_URL)"
                : String.valueOf(view.error()));
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
