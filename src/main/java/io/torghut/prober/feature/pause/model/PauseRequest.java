package io.torghut.prober.feature.pause.model;

import io.torghut.prober.feature.pause.edge.PauseRequestParser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A request to pause, from Alertmanager, a human or the prober's own verdict. Built with the named factories.
 *
 * @param source      who asked
 * @param resolved    an Alertmanager "resolved" notification: never acted upon
 * @param requestedBy who asked (the manual {@code requestedBy}, the Alertmanager receiver, or the prober)
 * @param reasons     why, one line each (at most {@link PauseRequestParser#MAX_ALERTS_KEPT} from a notification)
 * @param alerts      firing alerts kept from the notification (Alertmanager only)
 * @param groupKey    Alertmanager's group key, empty otherwise
 * @param truncated   alerts Alertmanager itself left out of the notification ({@code truncatedAlerts})
 * @param firing      firing alerts in the notification, including those not kept
 * @param force       a manual request that pauses even after a human resumed within the episode
 */
public record PauseRequest(PauseSource source, boolean resolved, String requestedBy, List<String> reasons, List<AlertRef> alerts,
                           Optional<String> groupKey, int truncated, int firing, boolean force) {

    public PauseRequest {
        reasons = List.copyOf(reasons);
        alerts = List.copyOf(alerts);
    }

    public static PauseRequest manual(String requestedBy, String reason, boolean force) {
        return new PauseRequest(PauseSource.MANUAL, false, requestedBy, List.of(reason), List.of(), Optional.empty(), 0, 0, force);
    }

    /** @param firing every firing alert of the notification, also those beyond the kept {@code alerts} */
    public static PauseRequest alertmanager(boolean resolved, String receiver, List<String> reasons, List<AlertRef> alerts,
                                            String groupKey, int truncated, int firing) {
        return new PauseRequest(PauseSource.ALERTMANAGER, resolved, "alertmanager receiver " + receiver, reasons, alerts,
                Optional.of(groupKey), truncated, firing, false);
    }

    public static PauseRequest auto(List<String> reasons) {
        return new PauseRequest(PauseSource.AUTO, false, "torghut-prober (automatic, verdict PAUSE_RECOMMENDED)", reasons, List.of(),
                Optional.empty(), 0, 0, false);
    }

    public static PauseRequest view(List<String> reasons) {
        return new PauseRequest(PauseSource.VIEW, false, "GET /pause", reasons, List.of(), Optional.empty(), 0, 0, false);
    }

    /**
     * The notification's episodes: its group and its firing alerts by fingerprint and start. An HA Alertmanager pair
     * delivers the same key twice; an alert that resolved and fired again has a later {@code startsAt}, so another key.
     */
    public Optional<String> idempotencyKey() {
        TreeSet<String> episodes = new TreeSet<>();
        alerts.forEach(a -> episodes.add(a.fingerprint() + "@" + a.startsAt()));
        return groupKey.map(key -> key + "|" + String.join(",", episodes));
    }

    /**
     * How many causes the request carried: every firing alert of the notification (the parser keeps only the first
     * {@link PauseRequestParser#MAX_ALERTS_KEPT}), or the reasons. Alertmanager's own {@code truncatedAlerts} are not
     * in the body at all and are counted apart.
     */
    public int causes() {
        return source == PauseSource.ALERTMANAGER ? Math.max(firing, reasons.size()) : reasons.size();
    }

    /** The firing alert that started last, with its start; empty when none carries a readable {@code startsAt}. */
    public Optional<AlertRef> latestStart() {
        AlertRef latest = null;
        Instant at = null;
        for (AlertRef alert : alerts) {
            Optional<Instant> start = alert.started();
            if (start.isPresent() && (at == null || start.get().isAfter(at))) {
                latest = alert;
                at = start.get();
            }
        }
        return Optional.ofNullable(latest);
    }

    static Optional<Instant> instant(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
