package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.PodInfo;

/** One evidence line per pod container: restarts, waiting reason and message, last termination. */
final class PodEvidence {
    private PodEvidence() {
    }

    static String describe(PodInfo pod, PodInfo.ContainerState c) {
        StringBuilder line = new StringBuilder("pod ").append(pod.name()).append('/').append(c.name()).append(": ")
                .append(c.running() ? "running" : "not running").append(c.ready() ? ", ready" : ", not ready")
                .append(", restarts ").append(c.restartCount());
        if (!c.waitingReason().isEmpty()) {
            line.append(", waiting ").append(c.waitingReason());
            if (!c.waitingMessage().isEmpty()) {
                line.append(" (").append(c.waitingMessage()).append(')');
            }
        }
        if (!c.lastTerminatedReason().isEmpty() || c.lastExitCode().isPresent()) {
            line.append(", last terminated ").append(c.lastTerminatedReason())
                    .append(c.lastExitCode().map(code -> " exit code " + code).orElse(""));
        }
        return line.toString();
    }

    /** The container is crashing: restarting, in back-off, or its last instance died. */
    static boolean crashing(PodInfo.ContainerState c) {
        return c.restartCount() > 0 || "CrashLoopBackOff".equals(c.waitingReason()) || c.lastExitCode().map(code -> code != 0).orElse(false);
    }
}
