package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.AuditEntry;
import io.torghut.prober.feature.pause.model.PauseMode;

/**
 * Where every decision is written down (record/PauseAudit: the log line, the counter, the Event). An interface so that
 * the decision does not depend on the room that records it, which itself reads the decision's state for /pause.
 */
public interface AuditTrail {
    /** Counts and logs the decision; the notable ones also become an Event, unless the entry is a repeat. */
    void record(PauseMode mode, AuditEntry entry);

    /** The finding of an ineffective pause. */
    void overdue(String detail);
}
