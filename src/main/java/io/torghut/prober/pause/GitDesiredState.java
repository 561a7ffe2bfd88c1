package io.torghut.prober.pause;

import io.torghut.prober.gitops.GitOpsPauser;
import io.torghut.prober.gitops.GitUnavailableException;
import io.torghut.prober.gitops.ManifestSnapshot;
import io.torghut.prober.model.TradingFlag;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What git says TRADING_ENABLED should be: read (fetch) by the refresh schedule and recommend mode, remembered after
 * every pause, and kept in {@link PauseState} so that GET /pause, /diagnose and the metrics answer without touching git.
 * The plan for the current reasons is computed from the manifest as last read.
 */
public final class GitDesiredState {
    private final Optional<GitOpsPauser> git;
    private final PausePlanner planner;
    private final PauseState state;
    private final Clock clock;
    private final String manifestPath;

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

    static String describe(Optional<GitOpsPauser> git, String manifestPath) {
        return git.map(g -> g.repository().describe()).orElse("not configured (GITOPS_REPO_URL), file " + manifestPath);
    }

    PausePlanner planner() {
        return planner;
    }

    String manifestPath() {
        return manifestPath;
    }

    /** Reads git (fetch) for the desired state; a failure is kept as the state's error, the value read before stays. */
    public ManifestSnapshot read() throws GitUnavailableException {
        try {
            ManifestSnapshot snapshot = git.orElseThrow().read();
            remember(snapshot.commit(), snapshot.text(), snapshot.problem());
            return snapshot;
        } catch (GitUnavailableException e) {
            PauseRecords.GitView before = state.git();
            state.git(new PauseRecords.GitView(before.desired(), before.commit(), before.readAt(), e.getMessage(), before.text()));
            throw e;
        }
    }

    /**
     * What a pause (or its refusal) left in git, without another fetch.
     *
     * @param problem why there is no editable manifest (a symbolic link, a submodule...), when git said so
     */
    void remember(String commit, Optional<String> text, Optional<String> problem) {
        TradingFlag desired = text.map(this::desiredIn).orElse(TradingFlag.UNKNOWN);
        String error = text.isPresent() ? null : problem.orElse("no manifest at " + manifestPath);
        state.git(new PauseRecords.GitView(desired, commit, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), error,
                text.orElse(null)));
    }

    /** TRADING_ENABLED in this manifest text, read the way the pause edit reads it. */
    TradingFlag desiredIn(String manifest) {
        return PausePlanner.desired(planner.editor().set(manifest, false));
    }

    /** The plan for the current reasons, from the manifest as last read. */
    public PausePlan currentPlan(List<String> reasons) {
        PauseRecords.GitView view = state.git();
        Optional<ManifestSnapshot> snapshot = view.text() == null ? Optional.empty()
                : Optional.of(new ManifestSnapshot(view.commit(), Optional.of(view.text())));
        PauseRequest request = new PauseRequest("view", false, "GET /pause", reasons, List.of(), Optional.empty(), 0);
        return planner.plan(request, snapshot, git.isEmpty() ? "git is not configured (GITOPS_REPO_URL)" : String.valueOf(view.error()));
    }
}
