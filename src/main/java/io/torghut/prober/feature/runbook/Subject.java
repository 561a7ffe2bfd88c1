package io.torghut.prober.feature.runbook;

/**
 * What a finding is about, so that a symptom can be folded into the cause that explains it ({@link FindingRank}): a
 * revision of Torghut ({@code torghut-00042}) or a dependency ({@code postgres}, {@code clickhouse}).
 */
public record Subject(Kind kind, String name) {

    /** The kinds of thing a finding can be about. */
    public enum Kind { REVISION, DEPENDENCY }

    public static Subject revision(String name) {
        return new Subject(Kind.REVISION, name);
    }

    public static Subject dependency(String name) {
        return new Subject(Kind.DEPENDENCY, name);
    }
}
