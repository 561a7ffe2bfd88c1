package io.torghut.prober.feature.runbook;

import static io.torghut.prober.feature.runbook.FindingIds.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one ranking rule for findings (README, "Findings: the ranking rule"). Pure.
 * <ol>
 *   <li>The pause, when due, comes first: the runbook's precondition is done before any diagnosis. It is not a cause.</li>
 *   <li>A symptom that a cause explains is folded into that cause as evidence ({@link #EXPLAINED_BY}) and is not listed
 *       on its own; the cause keeps the more severe of both severities.</li>
 *   <li>Then most severe first, and within a severity the most specific first ({@link Tier}).</li>
 *   <li>The headline is the first finding that is not the pause: the most specific cause the evidence supports.</li>
 * </ol>
 * That no finding is CRITICAL on a claim the prober's own fresh observation contradicts is decided where the claim is
 * made ({@link ClickHouseFindings#unreachable}, {@link PostgresFindings#unhealthy}, {@link DependencyFindings}).
 */
public final class FindingRank {
    /** How specific a finding is, most specific first. */
    public enum Tier {
        /** The pause: done first, explains nothing. */
        PRECONDITION,
        /** A cause with its fix: a log signature of a known failure, a missing Secret, pods that cannot start, a wrong env. */
        CAUSE,
        /** A dependency's own state or the path to it. */
        DEPENDENCY,
        /** Something fails, and the finding cannot say why by itself. */
        SYMPTOM,
        /** The prober's own blindness, and what does not affect trading. */
        PROBER
    }

    /** How a cause must relate to a symptom to explain it. */
    public enum Match {
        /** Any: the symptom is Torghut as a whole (its endpoints). */
        ANY,
        /** The cause is about the symptom's revision. */
        SAME_REVISION,
        /** The cause is about the symptom's dependency. */
        SAME_DEPENDENCY
    }

    /** The causes that can explain a symptom, the first one present taken, and how they must match. */
    public record Explanation(List<String> causes, Match match) {
    }

    public static final Map<String, Tier> TIERS = tiers();

    /** Symptom id to the causes that explain it, in folding order (an outer symptom first, so that folding chains). */
    public static final Map<String, Explanation> EXPLAINED_BY = explanations();

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> tier(f.id()) != Tier.PRECONDITION)
            .thenComparing(Finding::severity)
            .thenComparing(f -> tier(f.id()))
            .thenComparing(Finding::procedure, Comparator.comparing(p -> "-".equals(p) ? "0" : p))
            .thenComparing(Finding::id);

    private FindingRank() {
    }

    private static Map<String, Tier> tiers() {
        Map<String, Tier> t = new LinkedHashMap<>();
        List.of(TRADING_ON_BAD_DATA, PAUSE_RECOMMENDED).forEach(id -> t.put(id, Tier.PRECONDITION));
        List.of(UUID_JSON, MISSING_SECRET, PODS_NOT_STARTED, POSTGRES_MISCONFIGURED, CLICKHOUSE_MISCONFIGURED, STARTUP_CRASH)
                .forEach(id -> t.put(id, Tier.CAUSE));
        List.of(POSTGRES_UNHEALTHY, CLICKHOUSE_UNREACHABLE, DEPENDENCY_UNREACHABLE, TA_DATA_STALE).forEach(id -> t.put(id, Tier.DEPENDENCY));
        List.of(REVISION_NOT_READY, KSVC_NOT_READY, TORGHUT_UNHEALTHY).forEach(id -> t.put(id, Tier.SYMPTOM));
        List.of(KUBERNETES_ACCESS, EXTRA_TARGET_FAILING).forEach(id -> t.put(id, Tier.PROBER));
        return Map.copyOf(t);
    }

    private static Map<String, Explanation> explanations() {
        Map<String, Explanation> e = new LinkedHashMap<>();
        e.put(TORGHUT_UNHEALTHY, new Explanation(List.of(MISSING_SECRET, PODS_NOT_STARTED, STARTUP_CRASH, REVISION_NOT_READY,
                KSVC_NOT_READY), Match.ANY));
        e.put(REVISION_NOT_READY, new Explanation(List.of(MISSING_SECRET, PODS_NOT_STARTED, POSTGRES_MISCONFIGURED,
                CLICKHOUSE_MISCONFIGURED, UUID_JSON, STARTUP_CRASH, DEPENDENCY_UNREACHABLE, POSTGRES_UNHEALTHY,
                CLICKHOUSE_UNREACHABLE), Match.SAME_REVISION));
        e.put(DEPENDENCY_UNREACHABLE, new Explanation(List.of(POSTGRES_MISCONFIGURED, CLICKHOUSE_MISCONFIGURED), Match.SAME_DEPENDENCY));
        return java.util.Collections.unmodifiableMap(e);
    }

    public static Tier tier(String id) {
        return TIERS.getOrDefault(id, Tier.SYMPTOM);
    }

    /** Folds the symptoms into their causes and orders the rest. */
    public static List<Finding> rank(List<Finding> findings) {
        List<Finding> list = new ArrayList<>(findings);
        EXPLAINED_BY.forEach((symptom, explanation) -> {
            for (Finding s : List.copyOf(list)) {
                if (!s.id().equals(symptom)) {
                    continue;
                }
                explainer(list, s, explanation).ifPresent(cause -> {
                    list.set(list.indexOf(cause), cause.withEvidenceOf(s));
                    list.remove(s);
                });
            }
        });
        return list.stream().sorted(ORDER).toList();
    }

    /** The headline: the first finding that is not the pause. */
    public static Optional<Finding> headline(List<Finding> ranked) {
        return ranked.stream().filter(f -> tier(f.id()) != Tier.PRECONDITION).findFirst();
    }

    private static Optional<Finding> explainer(List<Finding> list, Finding symptom, Explanation explanation) {
        for (String cause : explanation.causes()) {
            for (Finding c : list) {
                if (c != symptom && c.id().equals(cause) && matches(symptom, c, explanation.match())) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    static boolean matches(Finding symptom, Finding cause, Match match) {
        Subject.Kind kind = switch (match) {
            case ANY -> null;
            case SAME_REVISION -> Subject.Kind.REVISION;
            case SAME_DEPENDENCY -> Subject.Kind.DEPENDENCY;
        };
        if (kind == null) {
            return true;
        }
        Set<Subject> wanted = new HashSet<>(symptom.subjects().stream().filter(s -> s.kind() == kind).toList());
        return !wanted.isEmpty() && cause.concernsAny(wanted);
    }
}
