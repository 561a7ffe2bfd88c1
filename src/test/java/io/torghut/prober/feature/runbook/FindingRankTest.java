package io.torghut.prober.feature.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ranking rule of the README ("Findings: the ranking rule"), written down here a second time as data, and checked
 * against {@link FindingRank} over every pair of finding ids that can occur together (generated from
 * {@link FindingIds#all()}), with both severities alike and either one more severe, in both input orders: which one
 * folds into the other, which one comes first, which one is the headline.
 */
class FindingRankTest {
    /** The rule's tiers, most specific first (README: precondition, cause, dependency, symptom, prober). */
    static final Map<String, Integer> TIER = tiers("""
            0 trading-still-enabled-on-bad-data pause-recommended
            1 uuid-json-serialization missing-secret pods-not-started postgres-misconfigured clickhouse-misconfigured startup-crash
            2 postgres-unhealthy clickhouse-unreachable dependency-unreachable ta-data-stale
            3 revision-not-ready ksvc-not-ready torghut-unhealthy
            4 kubernetes-access extra-target-failing
            """);
    /** symptom <- the causes that explain it (README: "A cause absorbs the symptoms it explains"). */
    static final Map<String, Set<String>> EXPLAINED_BY = explanations("""
            torghut-unhealthy <- missing-secret pods-not-started startup-crash revision-not-ready ksvc-not-ready
            revision-not-ready <- missing-secret pods-not-started postgres-misconfigured clickhouse-misconfigured uuid-json-serialization startup-crash dependency-unreachable postgres-unhealthy clickhouse-unreachable
            dependency-unreachable <- postgres-misconfigured clickhouse-misconfigured
            """);
    /** Matched by the service as a whole; the others only when they are about the same revision or dependency. */
    static final Set<String> ABOUT_TORGHUT = Set.of(FindingIds.TORGHUT_UNHEALTHY);
    /** Never together: the pause is one finding; ksvc-not-ready is only given while the newest revision is Ready. */
    static final Set<Set<String>> NEVER_TOGETHER = Set.of(Set.of(FindingIds.PAUSE_RECOMMENDED, FindingIds.TRADING_ON_BAD_DATA),
            Set.of(FindingIds.KSVC_NOT_READY, FindingIds.REVISION_NOT_READY));
    static final List<Subject> SAME = List.of(Subject.revision("torghut-00042"), Subject.dependency("postgres"), Subject.dependency("clickhouse"));

    static Map<String, Integer> tiers(String table) {
        Map<String, Integer> tiers = new LinkedHashMap<>();
        table.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] words = l.split("\\s+");
            Arrays.stream(words).skip(1).forEach(id -> tiers.put(id, Integer.parseInt(words[0])));
        });
        return tiers;
    }

    static Map<String, Set<String>> explanations(String table) {
        Map<String, Set<String>> by = new LinkedHashMap<>();
        table.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] sides = l.split("<-");
            by.put(sides[0].strip(), Set.of(sides[1].strip().split("\\s+")));
        });
        return by;
    }

    static Finding finding(String id, Severity severity, List<Subject> about) {
        return new Finding(id, FindingIds.all().get(id), severity, "summary of " + id, List.of("evidence of " + id), List.of(),
                List.of("kubectl -n torghut " + id), List.of(), List.of("advice of " + id), about);
    }

    static Stream<Arguments> pairs() {
        List<String> ids = new ArrayList<>(FindingIds.all().keySet());
        List<Arguments> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (NEVER_TOGETHER.contains(Set.of(ids.get(i), ids.get(j)))) {
                    continue;
                }
                for (Severity[] s : new Severity[][] {{Severity.CRITICAL, Severity.CRITICAL}, {Severity.CRITICAL, Severity.WARNING},
                        {Severity.WARNING, Severity.CRITICAL}}) {
                    rows.add(Arguments.of(ids.get(i), s[0], ids.get(j), s[1]));
                }
            }
        }
        return rows.stream();
    }

    /** Every id is placed by the rule: a new finding id fails here until the README's rule and this table say where it goes. */
    @Test
    void theRuleCoversEveryFindingId() {
        assertEquals(FindingIds.all().keySet(), TIER.keySet());
        assertEquals(FindingIds.all().keySet(), FindingRank.TIERS.keySet());
        FindingIds.all().keySet().forEach(id -> assertEquals(TIER.get(id), FindingRank.tier(id).ordinal(), id));
    }

    @ParameterizedTest(name = "{0} {1} + {2} {3}")
    @MethodSource("pairs")
    void aPairIsFoldedOrOrderedByTheRule(String a, Severity severityA, String b, Severity severityB) {
        Finding fa = finding(a, severityA, SAME);
        Finding fb = finding(b, severityB, SAME);
        List<String> expected = expected(fa, fb);
        for (List<Finding> input : List.of(List.of(fa, fb), List.of(fb, fa))) {
            List<Finding> ranked = FindingRank.rank(input);
            assertEquals(expected, ranked.stream().map(f -> f.severity() + " " + f.id() + " " + f.evidence()).toList(), "input " + input);
            String headline = expected.stream().map(e -> e.split(" ")[1]).filter(id -> TIER.get(id) != 0).findFirst().orElse("");
            assertEquals(headline, FindingRank.headline(ranked).map(Finding::id).orElse(""));
        }
    }

    /** The same pairs about different revisions and dependencies: only a symptom of Torghut as a whole is still explained. */
    @ParameterizedTest(name = "{0} {1} + {2} {3}, unrelated")
    @MethodSource("pairs")
    void unrelatedFindingsAreNotFolded(String a, Severity severityA, String b, Severity severityB) {
        Finding fa = finding(a, severityA, List.of(Subject.revision("torghut-00042"), Subject.dependency("postgres")));
        Finding fb = finding(b, severityB, List.of(Subject.revision("torghut-00041"), Subject.dependency("clickhouse")));
        List<Finding> ranked = FindingRank.rank(List.of(fa, fb));
        boolean folds = (ABOUT_TORGHUT.contains(a) && EXPLAINED_BY.get(a).contains(b))
                || (ABOUT_TORGHUT.contains(b) && EXPLAINED_BY.getOrDefault(b, Set.of()).contains(a));
        assertEquals(folds ? 1 : 2, ranked.size(), ranked.toString());
    }

    /** The rule, applied by hand to one pair. */
    static List<String> expected(Finding a, Finding b) {
        if (EXPLAINED_BY.getOrDefault(a.id(), Set.of()).contains(b.id())) {
            return List.of(folded(b, a));
        }
        if (EXPLAINED_BY.getOrDefault(b.id(), Set.of()).contains(a.id())) {
            return List.of(folded(a, b));
        }
        Comparator<Finding> rule = Comparator.comparing((Finding f) -> TIER.get(f.id()) != 0).thenComparing(Finding::severity)
                .thenComparing(f -> TIER.get(f.id())).thenComparing(f -> "-".equals(f.procedure()) ? "0" : f.procedure())
                .thenComparing(Finding::id);
        return Stream.of(a, b).sorted(rule).map(f -> f.severity() + " " + f.id() + " " + f.evidence()).toList();
    }

    /** The cause, with the symptom's evidence after its own and the more severe of both severities. */
    static String folded(Finding cause, Finding symptom) {
        Severity worst = cause.severity().compareTo(symptom.severity()) <= 0 ? cause.severity() : symptom.severity();
        return worst + " " + cause.id() + " " + List.of("evidence of " + cause.id(), "evidence of " + symptom.id());
    }

    /** Folding chains: Torghut failing, its revision not Ready, because of a DSN on CNPG's read-only service: one finding. */
    @Test
    void foldingChainsFromTheOutermostSymptomToTheCause() {
        List<Finding> ranked = FindingRank.rank(List.of(finding(FindingIds.TORGHUT_UNHEALTHY, Severity.CRITICAL, List.of()),
                finding(FindingIds.REVISION_NOT_READY, Severity.WARNING, List.of(Subject.revision("torghut-00042"))),
                finding(FindingIds.DEPENDENCY_UNREACHABLE, Severity.WARNING, SAME),
                finding(FindingIds.POSTGRES_MISCONFIGURED, Severity.WARNING, SAME),
                finding(FindingIds.TRADING_ON_BAD_DATA, Severity.CRITICAL, List.of())));
        assertEquals(List.of(FindingIds.TRADING_ON_BAD_DATA, FindingIds.POSTGRES_MISCONFIGURED), ranked.stream().map(Finding::id).toList());
        assertEquals(Severity.CRITICAL, ranked.get(1).severity(), "Torghut failing made it critical");
        assertTrue(ranked.get(1).evidence().containsAll(List.of("evidence of torghut-unhealthy", "evidence of revision-not-ready",
                "evidence of dependency-unreachable")), ranked.get(1).evidence().toString());
        assertEquals(FindingIds.POSTGRES_MISCONFIGURED, FindingRank.headline(ranked).orElseThrow().id());
    }
}
