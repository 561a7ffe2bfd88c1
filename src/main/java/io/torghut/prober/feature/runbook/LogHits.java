package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.LogTail;
import io.torghut.prober.shared.model.PodInfo;
import io.torghut.prober.shared.model.SignatureHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The log signature hits of an observation, each with its log, pod and revision. Pure. */
record LogHits(List<Located> hits) {

    /** One hit where it was found. */
    record Located(SignatureHit hit, LogTail log, PodInfo pod, Optional<PodInfo.ContainerState> container) {
        String evidence() {
            return log.source() + " of revision " + pod.revision() + ": " + hit.signature() + " x" + hit.count()
                    + ", e.g. \"" + hit.sample() + "\"";
        }

        boolean crashing() {
            return log.previous() || container.map(PodEvidence::crashing).orElse(false);
        }
    }

    static LogHits of(KnativeObservation obs, String container) {
        List<Located> located = new ArrayList<>();
        for (PodInfo pod : obs.pods()) {
            for (LogTail log : obs.logsOf(pod.name())) {
                for (SignatureHit hit : log.hits()) {
                    located.add(new Located(hit, log, pod, pod.container(container)));
                }
            }
        }
        return new LogHits(located);
    }

    LogHits filter(Predicate<Located> keep) {
        return new LogHits(hits.stream().filter(keep).toList());
    }

    LogHits finding(String finding) {
        return filter(l -> l.hit().finding().equals(finding));
    }

    /**
     * Torghut's connection errors to {@code dependency}, except in a log where the same dependency also refuses its
     * configuration (credentials, a read-only instance, the wrong protocol): there the connection error is that
     * configuration's evidence (psycopg prints a refused password as a failed connection).
     */
    LogHits unreachable(String dependency) {
        return finding(io.torghut.prober.shared.model.LogSignature.DEPENDENCY_UNREACHABLE)
                .filter(l -> l.hit().dependency().orElse("").equals(dependency))
                .filter(l -> l.log().hits().stream().noneMatch(h -> configuration(h, dependency)));
    }

    /** The hits saying {@code dependency} refuses Torghut's configuration. */
    LogHits configuration(String dependency) {
        return filter(l -> configuration(l.hit(), dependency));
    }

    private static boolean configuration(io.torghut.prober.shared.model.SignatureHit hit, String dependency) {
        return hit.dependency().orElse("").equals(dependency)
                && (hit.finding().equals(FindingIds.POSTGRES_MISCONFIGURED) || hit.finding().equals(FindingIds.CLICKHOUSE_MISCONFIGURED));
    }

    /** The revisions whose crashing containers log these hits: what the hits explain. */
    List<Subject> crashingRevisions() {
        return hits.stream().filter(Located::crashing).map(l -> Subject.revision(l.pod().revision())).distinct().toList();
    }

    /** The signatures found, sorted. */
    List<String> signatures() {
        return hits.stream().map(l -> l.hit().signature()).distinct().sorted().toList();
    }

    boolean isEmpty() {
        return hits.isEmpty();
    }

    List<String> evidence() {
        return hits.stream().map(Located::evidence).toList();
    }

    List<String> resources() {
        List<String> names = new ArrayList<>();
        for (Located l : hits) {
            if (!names.contains(l.pod().revision())) {
                names.add(l.pod().revision());
            }
            if (!names.contains(l.pod().name())) {
                names.add(l.pod().name());
            }
        }
        return names;
    }

    boolean anyCrashing() {
        return hits.stream().anyMatch(Located::crashing);
    }

    /** The revision of the first crashing hit, else of the first hit. */
    String failingRevision() {
        return hits.stream().filter(Located::crashing).findFirst().or(() -> hits.stream().findFirst())
                .map(l -> l.pod().revision()).orElse("");
    }

    /** The first pod with a hit in its previous log, else any: the one whose log to read. */
    Located first() {
        return hits.stream().filter(l -> l.log().previous()).findFirst().orElse(hits.get(0));
    }
}
