package io.torghut.prober.feature.pause.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of asking the editor to set {@code TRADING_ENABLED}: the new text ({@link Outcome#CHANGED}), nothing to do
 * because the value is already the wanted one ({@link Outcome#UNCHANGED}), or a refusal with the reason
 * ({@link Outcome#REFUSED}); a refused or unchanged edit returns the original text untouched.
 *
 * @param outcome  what happened
 * @param text     the resulting manifest text (the original unless {@code CHANGED})
 * @param previous the value found before the edit ("true", "" for an entry without value), empty when absent
 * @param detail   a one-line explanation (where the value was changed or inserted, or why the edit was refused)
 */
public record ManifestEdit(Outcome outcome, String text, Optional<String> previous, String detail) {

    /** What the editor did. */
    public enum Outcome {
        CHANGED, UNCHANGED, REFUSED
    }

    public ManifestEdit {
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(text);
        Objects.requireNonNull(previous);
        Objects.requireNonNull(detail);
    }

    static ManifestEdit refused(String original, String reason) {
        return new ManifestEdit(Outcome.REFUSED, original, Optional.empty(), reason);
    }

    public boolean changed() {
        return outcome == Outcome.CHANGED;
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }
}
