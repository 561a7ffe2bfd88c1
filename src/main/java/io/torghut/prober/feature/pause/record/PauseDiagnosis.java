package io.torghut.prober.feature.pause.record;

import io.torghut.prober.feature.pause.decision.PauseState;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.rollout.Effectiveness;
import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import io.torghut.prober.feature.diagnose.DiagnosisSection;
import io.torghut.prober.feature.diagnose.HumanDuration;
import io.torghut.prober.shared.FreeText;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pause part of /diagnose: mode, desired and live TRADING_ENABLED, last action, pending work, effectiveness.
 * /diagnose needs no token, so of the last action it shows what, when, the kind of source and the commit; who asked,
 * the reasons and the detail are for {@code GET /pause}, which needs the token (one rule, README "The trading pause"). Each
 * text line passes {@link FreeText} (requesters, reasons and git errors come from outside); the JSON form is built from
 * {@link PauseRecords}, which clean their free text themselves.
 */
@Singleton
public class PauseDiagnosis implements DiagnosisSection {
    private final PauseView view;

    public PauseDiagnosis(PauseView view) {
        this.view = view;
    }

    @Override
    public String id() {
        return "pause";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String title() {
        return "TRADING PAUSE (GitOps)";
    }

    @Override
    public List<String> textLines() {
        PauseState state = view.state();
        List<String> lines = new ArrayList<>();
        PauseRecords.GitView git = state.git();
        lines.add("mode " + view.service().mode().label() + (view.leader() ? ", Lease leader" : ", not the Lease leader")
                + "; state: " + view.phase().label());
        lines.add("TRADING_ENABLED in git: " + git.desired().label() + (git.commit() == null ? "" : " (commit " + abbrev(git.commit()) + ")")
                + (git.since() == null ? "" : ", set by " + (git.since().byProber() ? "the prober" : "a human") + " in commit "
                        + abbrev(git.since().commit()) + " at " + git.since().at())
                + (git.error() == null ? "" : "; " + git.error()));
        view.humanResume().ifPresent(r -> lines.add("RESUMED BY A HUMAN: commit " + abbrev(r.commit()) + " at " + r.at()
                + " set TRADING_ENABLED back to \"true\" after the prober's pause" + (r.afterPause() == null ? "" : " " + abbrev(r.afterPause()))
                + "; the prober does not pause again within that episode (a new episode, or a manual request with \"force\": true, does); "
                + "who resumed: GET /pause with the token"));
        lines.add("TRADING_ENABLED in the live revision: " + view.liveTradingEnabled()
                + view.tracker().liveError().map(e -> " (" + e + ")").orElse(""));
        state.lastAction().ifPresent(a -> lines.add("last action: " + a.action() + " at " + a.at() + " (" + a.source() + ")"
                + (a.commit() == null ? "" : " commit " + abbrev(a.commit())) + "; who asked, why and the detail: GET /pause with the token"));
        state.pending().ifPresent(p -> lines.add("PENDING " + p.kind().label() + " since " + p.since() + ", " + p.attempts()
                + " attempt(s), next at " + p.nextAttemptAt() + ": " + p.lastError()));
        state.argo().filter(o -> o.state().refused()).ifPresent(o -> lines.add("FINDING: Argo CD has not rolled the pause "
                + abbrev(o.revision()) + " out: " + o.state().label() + ": " + o.message() + "; " + view.service().argoRemedy(o)
                + "; the commit stands and the effectiveness deadline keeps running"));
        state.refusal().ifPresent(r -> lines.add("FINDING: the pause is refused (" + r.label() + "): " + r.remedy()
                + "; the prober's retry lands it once fixed"));
        view.resumeChecklist().ifPresent(list -> {
            lines.add("RESUME CHECKLIST (the prober never resumes: a human does, in git): " + (list.ready()
                    ? "every signal that can call for a pause is good now" : "NOT READY: a signal that can call for a pause is not good"));
            list.conditions().forEach(c -> lines.add("  " + c.signal() + " " + c.health()
                    + (c.goodForSeconds() == null ? "" : " for " + HumanDuration.of(c.goodForSeconds()))
                    + (c.causedThePause() ? " (named by the pause)" : "") + (c.detail() == null ? "" : ": " + c.detail())));
            lines.add("  then: set TRADING_ENABLED back to \"true\" (the edit: GET /pause, resumeChecklist.edit), " + list.commit().get(1)
                    + ", " + list.commit().get(2));
            list.argocd().forEach(step -> lines.add("  then: " + step));
        });
        Effectiveness effect = view.tracker().state();
        if (effect.status() != EffectivenessStatus.NONE) {
            lines.add((effect.status() == EffectivenessStatus.OVERDUE ? "FINDING: pause NOT effective: "
                    : "pause " + effect.status().label() + ": ") + effect.detail());
        }
        return lines.stream().map(FreeText::line).toList();
    }

    @Override
    public Object json() {
        PauseState state = view.state();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", view.service().mode().label());
        json.put("phase", view.phase());
        json.put("leader", view.leader());
        json.put("git", state.git());
        view.humanResume().ifPresent(r -> json.put("resumedBy", new PauseRecords.HumanResume(r.commit(), r.at(), null, r.afterPause())));
        json.put("liveTradingEnabled", view.liveTradingEnabled());
        json.put("lastAction", state.lastAction().map(PauseDiagnosis::public_).orElse(null));
        json.put("pending", state.pending().orElse(null));
        json.put("refusal", state.refusal().orElse(null));
        json.put("argocd", state.argo().orElse(null));
        json.put("effectiveness", view.tracker().state());
        json.put("resumeChecklist", view.resumeChecklist().orElse(null));
        return json;
    }

    /** What anyone may see of the last action: what, when, from which kind of source, the commit. */
    private static Map<String, Object> public_(PauseRecords.Action action) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", action.at());
        json.put("mode", action.mode());
        json.put("action", action.action());
        json.put("source", action.source());
        if (action.commit() != null) {
            json.put("commit", action.commit());
        }
        return json;
    }

    private static String abbrev(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
