package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.util.List;
import java.util.Optional;

/**
 * The dependency variables of the runbook as a revision declares them, quoted as evidence: where they point (host and
 * port only: the prober never kept user or password), or which Secret and key they come from (never read). Pure.
 */
final class EnvEvidence {
    static final String DB_DSN = "DB_DSN";
    static final String TA_CLICKHOUSE_URL = ClickHouseFindings.URL_ENV;

    private EnvEvidence() {
    }

    /** The variable Torghut reaches a dependency through. */
    static String variable(String dependency) {
        return DependencyReach.POSTGRES.equals(dependency) ? DB_DSN : TA_CLICKHOUSE_URL;
    }

    /** The env of a revision, or of the service's template when the revision is not read. */
    record Source(String where, List<EnvVar> env) {
        Optional<EnvVar> entry(String name) {
            EnvVar found = null;
            for (EnvVar e : env) {
                if (e.name().equals(name)) {
                    found = e; // Kubernetes takes the last of duplicated entries
                }
            }
            return Optional.ofNullable(found);
        }
    }

    static Optional<Source> of(KnativeObservation obs, String revision) {
        Optional<RevisionInfo> r = obs.revision(revision);
        if (r.isPresent()) {
            return Optional.of(new Source("revision " + revision, r.get().env()));
        }
        return obs.service().map(s -> new Source("ksvc " + s.name() + " template", s.templateEnv()));
    }

    /** The newest revision's env, else the template's: what GitOps deploys now. */
    static Optional<Source> newest(KnativeObservation obs) {
        return obs.newest().map(r -> new Source("revision " + r.name(), r.env()))
                .or(() -> obs.service().map(s -> new Source("ksvc " + s.name() + " template", s.templateEnv())));
    }

    /** {@code env DB_DSN of revision torghut-00042 (spec, container user-container): host ..., port 5432 (...)}. */
    static String describe(Source source, String name, String container) {
        String head = "env " + name + " of " + source.where() + " (spec, container " + container + "): ";
        Optional<EnvVar> e = source.entry(name);
        if (e.isEmpty()) {
            return head + "not set";
        }
        if (e.get().secretName().isPresent()) {
            return head + "from Secret " + e.get().secretName().get() + e.get().secretKey().map(k -> " key " + k).orElse("")
                    + " (Secrets are not read by the prober)";
        }
        if (e.get().fromOther()) {
            return head + "from a ConfigMap or the downward API (not read)";
        }
        return head + e.get().endpoint().map(p -> p.describe() + (DB_DSN.equals(name) ? " (literal value; user and password not shown)" : ""))
                .orElse(e.get().value().map(v -> "\"" + v + "\"").orElse("literal value"));
    }

    /** What GitOps says now: the service's template, else the newest revision when the service is not read. */
    static Optional<Source> desired(KnativeObservation obs) {
        return obs.service().map(s -> new Source("ksvc " + s.name() + " template", s.templateEnv())).or(() -> newest(obs));
    }

    /** The newest and serving revisions whose entry for {@code name} is the same as {@code entry}: what it explains. */
    static List<String> revisionsWith(KnativeObservation obs, String name, EnvVar entry) {
        List<String> names = new java.util.ArrayList<>();
        obs.newest().ifPresent(r -> names.add(r.name()));
        obs.service().map(KnativeServiceInfo::servingRevisions).orElse(List.of()).stream().filter(r -> !names.contains(r)).forEach(names::add);
        return names.stream().filter(r -> obs.revision(r).flatMap(rev -> rev.envVar(name)).map(e -> same(e, entry)).orElse(false)).toList();
    }

    private static boolean same(EnvVar a, EnvVar b) {
        return a.endpoint().equals(b.endpoint()) && a.value().equals(b.value()) && a.secretName().equals(b.secretName())
                && a.secretKey().equals(b.secretKey()) && a.fromOther() == b.fromOther();
    }
}
