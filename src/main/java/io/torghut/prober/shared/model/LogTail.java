package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Optional;

/**
 * The signatures found in the tail of one container log. The raw lines are not kept: only the counted signatures
 * with one scrubbed sample line each survive the read, so a secret printed in a traceback cannot leak further.
 *
 * @param previous  the log of the previous (crashed) instance ({@code kubectl logs --previous})
 * @param lines     how many lines were read
 * @param problem   why the log could not be read (not an access problem: e.g. the container never started)
 */
@RegisterForReflection
public record LogTail(String pod, String container, boolean previous, int lines, List<SignatureHit> hits,
                      Optional<String> problem) {

    public LogTail {
        hits = List.copyOf(hits);
    }

    /** {@code pod/container (previous)} for evidence lines. */
    public String source() {
        return pod + "/" + container + (previous ? " (previous instance)" : "");
    }
}
