package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.PausePlan;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.adapter.git.ManifestSnapshot;
import io.torghut.prober.feature.pause.manifest.ManifestEdit;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.feature.pause.manifest.UnifiedDiff;
import io.torghut.prober.shared.model.TradingFlag;
import java.util.List;
import java.util.Optional;

/** Builds the plan from the manifest as last read from git (or without it). Pure. */
public final class PausePlanner {
    private final TradingFlagEditor editor;
    private final String manifestPath;
    private final String repository;
    private final String diagnoseUrl;
    private final String instance;
    private final List<String> steps;
    private final List<String> resumeSteps;

    public PausePlanner(TradingFlagEditor editor, String manifestPath, String repository, String diagnoseUrl, String instance,
                        String argocdNamespace, String application, String knativeNamespace, String service) {
        this.editor = editor;
        this.manifestPath = manifestPath;
        this.repository = repository;
        this.diagnoseUrl = diagnoseUrl;
        this.instance = instance;
        String sync = "argocd app sync " + application + "   (or: kubectl -n " + argocdNamespace + " patch applications.argoproj.io "
                + application + " --type merge -p '{\"operation\":{\"sync\":{\"revision\":\"<commit>\"}}}')";
        String rollout = " is Ready and takes all traffic: kubectl -n " + knativeNamespace + " get ksvc " + service
                + " -o jsonpath='{.status.latestCreatedRevisionName} {.status.latestReadyRevisionName} {.status.traffic}'";
        this.steps = List.of("commit and push the diff to " + repository, sync,
                "wait until a new revision with TRADING_ENABLED=false" + rollout);
        this.resumeSteps = List.of(sync, "wait until a new revision with TRADING_ENABLED=true" + rollout);
    }

    /** The Argo CD step of a resume, and the check that the resumed revision took over. */
    public List<String> resumeSteps() {
        return resumeSteps;
    }

    String manifestPath() {
        return manifestPath;
    }

    public TradingFlagEditor editor() {
        return editor;
    }

    /** Remote, branch and file (no credentials), as plans and GET /pause name it. */
    public String repository() {
        return repository;
    }

    public String diagnoseUrl() {
        return diagnoseUrl;
    }

    public String instance() {
        return instance;
    }

    /** @param snapshot the manifest from git, empty when git is not configured or not reachable ({@code why} says which) */
    public PausePlan plan(PauseRequest request, Optional<ManifestSnapshot> snapshot, String why) {
        Optional<String> text = snapshot.flatMap(ManifestSnapshot::text);
        if (text.isEmpty()) {
            String message = CommitMessage.pause(request, manifestPath, "set TRADING_ENABLED to \"false\"", diagnoseUrl, instance);
            return new PausePlan(request.reasons(), repository, TradingFlag.UNKNOWN, null, null, message, steps,
                    snapshot.isPresent() ? "no manifest at " + repository : why);
        }
        ManifestEdit pause = editor.set(text.get(), false);
        ManifestEdit resume = editor.set(text.get(), true);
        TradingFlag desired = desired(pause);
        String diff = pause.changed() ? UnifiedDiff.of(manifestPath, text.get(), pause.text()) : null;
        String resumeDiff = desired == TradingFlag.DISABLED && resume.changed() ? UnifiedDiff.of(manifestPath, text.get(), resume.text()) : null;
        String note = pause.refused() ? "the manifest cannot be edited: " + pause.detail()
                : pause.changed() ? null : "already paused in git: " + pause.detail();
        String message = CommitMessage.pause(request, manifestPath, pause.detail(), diagnoseUrl, instance);
        return new PausePlan(request.reasons(), repository, desired, diff, resumeDiff, message, steps, note);
    }

    /** TRADING_ENABLED as git says it: see {@link TradingFlagEditor#current}. */
    public static TradingFlag desired(ManifestEdit pause) {
        return TradingFlagEditor.before(pause);
    }
}
