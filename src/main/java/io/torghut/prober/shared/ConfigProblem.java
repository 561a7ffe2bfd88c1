package io.torghut.prober.shared;

/** A configuration value that cannot work; the message names the key (and its env variable) but never the value. */
public class ConfigProblem extends RuntimeException {
    public ConfigProblem(String key, String problem) {
        super("invalid configuration " + key + ": " + problem, null, false, false);
    }
}
