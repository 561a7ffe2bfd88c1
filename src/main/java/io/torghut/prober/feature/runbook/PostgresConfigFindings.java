package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.Endpoint;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Procedure C step 1, Postgres as Torghut's env configures it: {@code DB_DSN} must reach CNPG's read-write service
 * ({@code <cluster>-rw}, which follows the primary through failovers), never {@code -ro} (replicas only) or {@code -r}
 * (any instance); joined with what Postgres answers Torghut (writes refused in a read-only transaction, credentials
 * refused). The host is judged from a literal value as the manifest has it now; a value from a Secret is not read: the
 * finding names the Secret and key to check. A crash this explains is this finding, never an image rollback. Pure.
 */
final class PostgresConfigFindings {
    static final String DEPENDENCY = DependencyReach.POSTGRES;
    static final String DB_DSN = EnvEvidence.DB_DSN;

    private PostgresConfigFindings() {
    }

    /** What is wrong with a host for Torghut's writes, and how bad; empty when it is fine or cannot be judged. */
    record HostProblem(String what, Severity severity) {
    }

    static Optional<HostProblem> judgeHost(Endpoint endpoint, String cluster) {
        if (endpoint.problem().isPresent() || endpoint.hosts().isEmpty()) {
            return Optional.empty();
        }
        String service = endpoint.host().split("\\.")[0];
        if (service.equals(cluster + "-ro")) {
            return Optional.of(new HostProblem("CNPG's read-only service (replicas only): every write fails there", Severity.CRITICAL));
        }
        if (service.equals(cluster + "-r")) {
            return Optional.of(new HostProblem("CNPG's any-instance service: writes fail whenever it routes to a replica", Severity.CRITICAL));
        }
        if (service.matches(java.util.regex.Pattern.quote(cluster) + "-\\d+")) {
            return Optional.of(new HostProblem("one CNPG instance: a replica after the next failover or switchover", Severity.WARNING));
        }
        return Optional.empty();
    }

    static Optional<Finding> misconfigured(KnativeObservation obs, Optional<CnpgObservation> cnpg, FindingContext ctx) {
        RunbookNames n = ctx.names();
        Optional<EnvEvidence.Source> source = EnvEvidence.desired(obs);
        Optional<EnvVar> dsn = source.flatMap(s -> s.entry(DB_DSN));
        Optional<HostProblem> host = dsn.flatMap(EnvVar::endpoint).flatMap(e -> judgeHost(e, n.cluster()));
        // Read-only errors while CNPG moves the primary are the failover's, not the configuration's.
        boolean primaryMoving = cnpg.flatMap(CnpgObservation::cluster).map(c -> CnpgHealth.judge(c).level() == CnpgHealth.Level.NO_PRIMARY)
                .orElse(false);
        LogHits refused = LogHits.of(obs, n.container()).configuration(DEPENDENCY)
                .filter(l -> !primaryMoving || !l.hit().signature().equals("postgres-read-only"));
        if (source.isEmpty() || (host.isEmpty() && refused.isEmpty())) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>(refused.evidence());
        evidence.add(EnvEvidence.describe(source.get(), DB_DSN, n.container()));
        List<Subject> about = new ArrayList<>(List.of(Subject.dependency(DEPENDENCY)));
        dsn.ifPresent(d -> EnvEvidence.revisionsWith(obs, DB_DSN, d).forEach(r -> {
            about.add(Subject.revision(r));
            evidence.add("revision " + r + " carries the same " + DB_DSN);
        }));
        about.addAll(refused.crashingRevisions());
        String rw = n.cluster() + "-rw";
        evidence.add("CNPG cluster " + n.cluster() + " serves writes at " + rw + " (the primary" + cnpg.flatMap(CnpgObservation::cluster)
                .map(c -> c.currentPrimary().isBlank() ? "" : ", now " + c.currentPrimary()).orElse("") + "); " + n.cluster()
                + "-ro reaches replicas only, " + n.cluster() + "-r any instance");
        List<String> commands = new ArrayList<>(List.of(n.kubectl("get svc " + rw + " " + n.cluster() + "-ro " + n.cluster() + "-r"),
                n.kubectl("get cluster.postgresql.cnpg.io " + n.cluster())));
        if (!refused.isEmpty()) {
            commands.add(n.kubectl("logs " + refused.first().pod().name() + " -c " + n.container()
                    + (refused.first().log().previous() ? " --previous" : "") + " --tail=200"));
        }
        List<String> advice = new ArrayList<>();
        List<GitOpsStep> gitops = new ArrayList<>();
        boolean auth = refused.signatures().contains("postgres-auth-failed");
        Optional<String> secret = dsn.flatMap(EnvVar::secretName);
        if (host.isPresent()) {
            Endpoint e = dsn.get().endpoint().get();
            String hostNow = e.host();
            String hostThen = rw + hostNow.substring(hostNow.indexOf('.') < 0 ? hostNow.length() : hostNow.indexOf('.'));
            gitops.add(new GitOpsStep(n.manifest(), "- name: " + DB_DSN + "  value: <literal DSN with host " + hostNow
                    + "; user and password not shown>", "the same DSN with host " + hostThen + "; better: valueFrom.secretKeyRef name "
                    + n.cluster() + "-app key uri (CNPG's app Secret: host " + rw + ", and no password in the manifest)"));
            advice.add("Torghut writes (decisions, orders): " + DB_DSN + " must reach CNPG's read-write service " + rw
                    + ", which follows the primary through failovers. Fix the manifest via GitOps and Argo sync (ADR-24-1); rolling the "
                    + "image back keeps the same env and fixes nothing.");
        } else if (secret.isPresent()) {
            String key = dsn.flatMap(EnvVar::secretKey).orElse("uri");
            commands.add(n.kubectl("get secret " + secret.get() + " -o jsonpath='{.data." + key + "}' | base64 -d | sed -E "
                    + "'s#//[^@/]*@#//#; s#password=[^ &]*#password=***#g'; echo"));
            advice.add(DB_DSN + " comes from Secret " + secret.get() + " key " + key + ", which the prober does not read: check "
                    + (auth ? "its user and password against the database role" : "that its host is " + rw)
                    + " (the command prints it without user and password); restore the Secret from its source, not by hand.");
        } else {
            advice.add("Check where " + DB_DSN + " comes from (" + (dsn.isEmpty() ? "not set in the manifest" : "a ConfigMap or the downward API")
                    + "): its host must be " + rw + (auth ? ", its user and password the database role's" : "") + ".");
        }
        String where = source.get().where();
        String summary = host.map(h -> DB_DSN + " of " + where + " points at " + dsn.get().endpoint().get().host() + ", " + h.what()
                        + "; writes need " + rw)
                .orElse(auth ? "Postgres rejects Torghut's credentials (revision " + refused.failingRevision() + " logs)"
                        : "Postgres refuses Torghut's writes in a read-only transaction (revision " + refused.failingRevision() + " logs)");
        Severity severity = host.map(HostProblem::severity).orElse(Severity.WARNING);
        if (refused.anyCrashing() || (!refused.isEmpty() && ctx.torghutReports(DEPENDENCY))
                || (!refused.isEmpty() && !auth && host.isEmpty())) {
            severity = Severity.CRITICAL; // writes fail, or Torghut cannot start on it
        }
        List<String> resources = new ArrayList<>(List.of(n.service()));
        refused.resources().stream().filter(r -> !resources.contains(r)).forEach(resources::add);
        return Optional.of(new Finding(FindingIds.POSTGRES_MISCONFIGURED, "C", severity, summary, evidence, resources, commands, gitops,
                advice, about));
    }
}
