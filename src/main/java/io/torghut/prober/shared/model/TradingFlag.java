package io.torghut.prober.shared.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Locale;
import java.util.Optional;

/**
 * The value of {@code TRADING_ENABLED}, parsed once for every reader (verdict, findings, pause section, metrics) the
 * way Torghut's settings parse it: Python/pydantic booleans true/1/yes/on and false/0/no/off, any case, surrounding
 * blanks ignored. Anything else, or no value, is {@link #UNKNOWN}; callers treat unknown as "may be trading".
 */
@RegisterForReflection
public enum TradingFlag {
    ENABLED("true"), DISABLED("false"), UNKNOWN("unknown");

    private final String label;

    TradingFlag(String label) {
        this.label = label;
    }

    /** The one parse of a raw value; {@code null} (unset) is unknown. */
    public static TradingFlag parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> ENABLED;
            case "false", "0", "no", "off" -> DISABLED;
            default -> UNKNOWN;
        };
    }

    public static TradingFlag of(Optional<Boolean> known) {
        return known.map(on -> on ? ENABLED : DISABLED).orElse(UNKNOWN);
    }

    /** True/false when known. */
    public Optional<Boolean> known() {
        return this == UNKNOWN ? Optional.empty() : Optional.of(this == ENABLED);
    }

    /** {@code true}, {@code false} or {@code unknown}: what /diagnose and the JSON show. */
    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
