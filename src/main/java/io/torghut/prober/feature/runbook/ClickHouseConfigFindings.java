package io.torghut.prober.feature.runbook;

import static io.torghut.prober.feature.runbook.ClickHouseFindings.LEGACY_ENV;
import static io.torghut.prober.feature.runbook.ClickHouseFindings.URL_ENV;

import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Procedure C step 2, ClickHouse's configuration: the service's {@code TA_CLICKHOUSE_URL} (the dependency check uses it,
 * not {@code CLICKHOUSE_HOST}) must point at the ClickHouse HTTP service, as the manifest says it now (the template);
 * joined with what ClickHouse answers Torghut (HTTP spoken to its native port, credentials refused). A crash this
 * explains is this finding, never an image rollback. Pure.
 */
final class ClickHouseConfigFindings {
    static final String DEPENDENCY = "clickhouse";

    private ClickHouseConfigFindings() {
    }

    static Optional<Finding> misconfigured(KnativeObservation obs, FindingContext ctx) {
        RunbookNames n = ctx.names();
        Optional<EnvEvidence.Source> source = EnvEvidence.desired(obs);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Optional<EnvVar> url = source.get().entry(URL_ENV);
        boolean legacy = source.get().entry(LEGACY_ENV).isPresent();
        LogHits refused = LogHits.of(obs, n.container()).configuration(DEPENDENCY);
        String expected = "http://torghut-clickhouse." + n.namespace() + ".svc.cluster.local:8123";
        Optional<String> problem;
        Severity severity = Severity.CRITICAL;
        if (url.isEmpty()) {
            problem = Optional.of(legacy ? "only the legacy " + LEGACY_ENV + " is set; the dependency check uses " + URL_ENV + ", which is missing"
                    : URL_ENV + " is not set");
        } else if (url.get().value().isEmpty()) {
            problem = Optional.empty(); // from a ConfigMap or Secret: its value is not known here
        } else {
            String value = io.torghut.prober.shared.LogScrubber.scrub(url.get().value().get());
            problem = ClickHouseFindings.judgeUrl(value).map(wrong -> URL_ENV + "=" + value + " " + wrong);
            boolean mild = problem.isPresent() && problem.get().contains("uses port") && !problem.get().contains("native");
            severity = mild && !refused.anyCrashing() ? Severity.WARNING : Severity.CRITICAL;
        }
        if (problem.isEmpty() && refused.isEmpty()) {
            return Optional.empty();
        }
        List<Subject> about = new ArrayList<>(List.of(Subject.dependency(DEPENDENCY)));
        url.ifPresent(u -> EnvEvidence.revisionsWith(obs, URL_ENV, u).forEach(r -> about.add(Subject.revision(r))));
        about.addAll(refused.crashingRevisions());
        return Optional.of(problem.isPresent() ? wrongUrl(problem.get(), severity, url, refused, expected, about, n)
                : refusedByClickHouse(obs, source.get(), refused, about, ctx));
    }

    private static Finding wrongUrl(String problem, Severity severity, Optional<EnvVar> url, LogHits refused, String expected,
                                    List<Subject> about, RunbookNames n) {
        String line = url.map(u -> "- name: " + URL_ENV + "  value: " + io.torghut.prober.shared.LogScrubber.scrub(u.value().orElse("")))
                .orElse("- name: " + URL_ENV + " (missing)");
        List<String> evidence = new ArrayList<>(List.of("ksvc " + n.service() + " container " + n.container() + ": " + problem));
        evidence.addAll(refused.evidence());
        List<String> commands = new ArrayList<>(List.of(n.kubectl("get ksvc " + n.service()
                + " -o jsonpath='{.spec.template.spec.containers[0].env[?(@.name==\"" + URL_ENV + "\")].value}'")));
        logsCommand(refused, n).ifPresent(commands::add);
        return new Finding(FindingIds.CLICKHOUSE_MISCONFIGURED, "C", severity,
                "ClickHouse is misconfigured in ksvc/" + n.service() + ": " + problem, evidence, List.of(n.service()), commands,
                List.of(new GitOpsStep(n.manifest(), line, "- name: " + URL_ENV + "  value: " + expected)),
                List.of("The trading service's dependency check uses " + URL_ENV + " (not " + LEGACY_ENV
                        + "); it must point at the ClickHouse HTTP service (" + expected + ")."), about);
    }

    /** ClickHouse refuses what Torghut sends although the URL looks right, or is not known here (a Secret, a ConfigMap). */
    private static Finding refusedByClickHouse(KnativeObservation obs, EnvEvidence.Source source, LogHits refused, List<Subject> about,
                                               FindingContext ctx) {
        RunbookNames n = ctx.names();
        boolean auth = refused.signatures().contains("clickhouse-auth-failed");
        List<String> evidence = new ArrayList<>(refused.evidence());
        evidence.add(EnvEvidence.describe(source, URL_ENV, n.container()));
        evidence.add(EnvEvidence.describe(source, "TA_CLICKHOUSE_PASSWORD", n.container()));
        List<String> commands = new ArrayList<>();
        logsCommand(refused, n).ifPresent(commands::add);
        String password = source.entry("TA_CLICKHOUSE_PASSWORD").flatMap(EnvVar::secretName)
                .map(s -> "the Secret " + s + source.entry("TA_CLICKHOUSE_PASSWORD").flatMap(EnvVar::secretKey).map(k -> " key " + k).orElse(""))
                .orElse("the Secret behind TA_CLICKHOUSE_PASSWORD");
        source.entry("TA_CLICKHOUSE_PASSWORD").flatMap(EnvVar::secretName).ifPresent(s -> commands.add(n.kubectl("get secret " + s)));
        String advice = auth ? "ClickHouse refuses Torghut's user or password: check " + password + " against the ClickHouse user "
                + "(the prober does not read Secrets); fix it at its source via GitOps, not by hand."
                : URL_ENV + " reaches ClickHouse's native port: it must point at the ClickHouse HTTP service (port 8123); "
                        + "where its value comes from a Secret or ConfigMap, fix it there.";
        return new Finding(FindingIds.CLICKHOUSE_MISCONFIGURED, "C",
                refused.anyCrashing() || ctx.torghutReports(DEPENDENCY) ? Severity.CRITICAL : Severity.WARNING,
                (auth ? "ClickHouse rejects Torghut's credentials" : "ClickHouse says Torghut speaks HTTP to its native port")
                        + " (revision " + refused.failingRevision() + " logs)",
                evidence, refused.resources(), commands, List.of(), List.of(advice), about);
    }

    private static Optional<String> logsCommand(LogHits hits, RunbookNames n) {
        return hits.isEmpty() ? Optional.empty() : Optional.of(n.kubectl("logs " + hits.first().pod().name() + " -c " + n.container()
                + (hits.first().log().previous() ? " --previous" : "") + " --tail=200"));
    }
}
