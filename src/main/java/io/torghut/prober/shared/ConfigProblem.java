package io.torghut.prober.shared;

import java.time.Duration;

/** A configuration value that cannot work; the message names the key (and its env variable) but never the value. */
public class ConfigProblem extends RuntimeException {
    public ConfigProblem(String key, String problem) {
        super("invalid configuration " + key + ": " + problem, null, false, false);
    }

    /** A duration that must be positive (annotations cannot say so of a {@code Duration}). */
    public static void requirePositive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new ConfigProblem(key, "must be a positive duration (got " + value + ")");
        }
    }
}
