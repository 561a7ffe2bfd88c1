package io.torghut.prober.feature.diagnose;

import io.torghut.prober.feature.runbook.Finding;
import java.util.List;

/**
 * An extra part of /diagnose contributed by a capability (Kubernetes findings, pause state). It must read stored
 * state only and return at once: /diagnose never waits on the network.
 */
public interface DiagnosisSection {

    /** Stable key in the JSON report and ordering key (lower first). */
    String id();

    int order();

    /** Heading in the text report. */
    String title();

    /** Lines of the text report, already formatted; empty to leave the section out. */
    List<String> textLines();

    /** The JSON value of the section (a record registered for reflection, a list or a map). */
    Object json();

    /** Runbook findings this section prints, in order: the report's {@code nextSteps} are derived from them. */
    default List<Finding> findings() {
        return List.of();
    }

    /**
     * The JSON value and the findings from one read of the section's state, so that a report's {@code nextSteps} and
     * the section it is derived from never disagree (state changes between two reads). Sections whose state can change
     * under a request override it.
     */
    default Snapshot snapshot() {
        return new Snapshot(json(), findings());
    }

    /** What {@link #snapshot()} returns. */
    record Snapshot(Object json, List<Finding> findings) {
        public Snapshot {
            findings = List.copyOf(findings);
        }
    }
}
