package io.torghut.prober.feature.pause.model;

import java.util.Optional;
import java.util.UUID;

/**
 * This replica's name: the Lease holder identity, the Events' reporting instance and the commit trailer.
 *
 * @param id {@code prober.pause.instance-id} (the pod name by default), or a name of its own
 */
public record PauseInstance(String id) {

    /** {@code prober.pause.instance-id}, or a name of its own when neither it nor HOSTNAME is set. */
    public static PauseInstance of(Optional<String> configured) {
        return new PauseInstance(configured.filter(id -> !id.isBlank()).orElseGet(() -> "torghut-prober-" + UUID.randomUUID()));
    }
}
