package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.LogSignature;
import io.torghut.prober.shared.model.LogTail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Findings from log signatures: procedure B (UUID JSON crash) and procedure A's startup crash. A generic traceback
 * counts as a startup crash only where the container is crashing (a serving pod logs tracebacks for failed requests
 * too) and only when no specific signature in the same log explains it. Pure.
 */
public final class LogFindings {
    /** Signatures that only say "something crashed"; a specific signature in the same log takes precedence. */
    private static final Set<String> GENERIC = Set.of("python-traceback", "application-startup-failed");

    private LogFindings() {
    }

    public static Optional<Finding> uuidJson(KnativeObservation obs, FindingContext ctx) {
        RunbookNames n = ctx.names();
        LogHits hits = LogHits.of(obs, n.container()).finding(LogSignature.UUID_JSON);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        String failing = hits.failingRevision();
        List<String> evidence = new ArrayList<>(hits.evidence());
        List<String> commands = new ArrayList<>();
        List<GitOpsStep> gitops = new ArrayList<>();
        Rollback.add(obs, failing, n, evidence, commands, gitops);
        commands.add(n.kubectl("logs " + hits.first().pod().name() + " -c " + n.container()
                + (hits.first().log().previous() ? " --previous" : "") + " --tail=200"));
        commands.add(n.argoSync());
        commands.add(n.kubectl("get ksvc " + n.service()));
        return Optional.of(new Finding(FindingIds.UUID_JSON, "B", hits.anyCrashing() ? Severity.CRITICAL : Severity.WARNING,
                "revision " + failing + " fails on a UUID that reaches JSON serialization (known failure mode, procedure B)",
                evidence, hits.resources(), commands, gitops,
                List.of("First roll back to the last known good image digest (GitOps, ADR-24-1), re-sync Argo CD and wait for ksvc/"
                                + n.service() + " to become Ready.",
                        "Then hotfix: coerce UUIDs at the serialization boundary - use model_dump(mode=\"json\") consistently, "
                                + "jsonable_encoder for responses (services/torghut/app/main.py), and never write a raw uuid.UUID into "
                                + "the JSONB columns decision_json, input_json, response_json (services/torghut/app/models/entities.py).",
                        "Re-deploy via GitOps and confirm the revision is Ready."),
                hits.hits().stream().map(l -> Subject.revision(l.pod().revision())).distinct().toList()));
    }

    public static Optional<Finding> startupCrash(KnativeObservation obs, FindingContext ctx) {
        return startupCrash(obs, ctx, Set.of());
    }

    /**
     * @param misconfigured revisions whose env is definitely wrong ({@code DB_DSN} on CNPG's {@code -ro}, ClickHouse's
     *                      native port): a traceback that says nothing more in their crashing containers is that
     *                      configuration's doing, not the image's, and offers no rollback. A log where the dependency
     *                      itself refuses the configuration (read-only transaction, native port, credentials) is the
     *                      configuration finding's evidence, whatever the crash signatures in it.
     */
    public static Optional<Finding> startupCrash(KnativeObservation obs, FindingContext ctx, Set<String> misconfigured) {
        RunbookNames n = ctx.names();
        LogHits all = LogHits.of(obs, n.container());
        LogHits crash = all.finding(LogSignature.STARTUP_CRASH)
                .filter(LogHits.Located::crashing)
                .filter(l -> l.log().hits().stream().noneMatch(h -> configuration(h.finding())))
                .filter(l -> !GENERIC.contains(l.hit().signature()) || (!explained(l.log()) && !misconfigured.contains(l.pod().revision())));
        if (crash.isEmpty()) {
            return Optional.empty();
        }
        String failing = crash.failingRevision();
        List<String> evidence = new ArrayList<>(crash.evidence());
        List<String> commands = new ArrayList<>();
        List<GitOpsStep> gitops = new ArrayList<>();
        commands.add(n.kubectl("logs " + crash.first().pod().name() + " -c " + n.container()
                + (crash.first().log().previous() ? " --previous" : "") + " --tail=200"));
        commands.add(n.kubectl("describe revision " + failing));
        Rollback.add(obs, failing, n, evidence, commands, gitops);
        List<String> advice = new ArrayList<>();
        Set<String> kinds = Set.copyOf(crash.hits().stream().map(l -> l.hit().signature()).toList());
        if (kinds.contains("module-not-found")) {
            advice.add("An import fails: the image lacks a module or has a broken import; fix the dependency and rebuild.");
        }
        if (kinds.contains("alembic-migration-failed")) {
            advice.add("The Alembic migration failed at startup: check the migration heads against the database "
                    + "(a missing revision means the image is older than the schema).");
        }
        advice.add("Roll back to the last known good image first (ADR-24-1), then fix forward via GitOps.");
        return Optional.of(new Finding(FindingIds.STARTUP_CRASH, "A", Severity.CRITICAL,
                "revision " + failing + " crashes on startup (" + String.join(", ", kinds.stream().sorted().toList()) + ")",
                evidence, crash.resources(), commands, gitops, advice, crash.crashingRevisions()));
    }

    private static boolean configuration(String finding) {
        return LogSignature.POSTGRES_MISCONFIGURED.equals(finding) || LogSignature.CLICKHOUSE_MISCONFIGURED.equals(finding);
    }

    /** The log also holds a specific signature (UUID, dependency, import, migration) that explains a traceback. */
    private static boolean explained(LogTail log) {
        return log.hits().stream().anyMatch(h -> !GENERIC.contains(h.signature()));
    }
}
