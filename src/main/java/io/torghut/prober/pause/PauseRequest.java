package io.torghut.prober.pause;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A request to pause, from Alertmanager, a human or the prober's own verdict.
 *
 * @param source        {@code alertmanager}, {@code manual} or {@code auto}
 * @param resolved      an Alertmanager "resolved" notification: never acted upon
 * @param requestedBy   who asked (the manual {@code requestedBy}, the Alertmanager receiver, or the prober)
 * @param reasons       why, one line each
 * @param alerts        firing alerts (Alertmanager only)
 * @param groupKey      Alertmanager's group key, empty otherwise
 * @param truncated     alerts Alertmanager left out of the notification
 */
public record PauseRequest(String source, boolean resolved, String requestedBy, List<String> reasons, List<AlertRef> alerts,
                           Optional<String> groupKey, int truncated) {

    public PauseRequest {
        reasons = List.copyOf(reasons);
        alerts = List.copyOf(alerts);
    }

    /** Same group and same firing alerts means the same notification (an HA Alertmanager pair delivers twice). */
    public Optional<String> idempotencyKey() {
        TreeSet<String> fingerprints = new TreeSet<>();
        alerts.forEach(a -> fingerprints.add(a.fingerprint()));
        return groupKey.map(key -> key + "|" + String.join(",", fingerprints));
    }

    public static PauseRequest auto(List<String> reasons) {
        return new PauseRequest("auto", false, "torghut-prober (automatic, verdict PAUSE_RECOMMENDED)", reasons, List.of(),
                Optional.empty(), 0);
    }
}
