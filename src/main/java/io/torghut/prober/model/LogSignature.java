package io.torghut.prober.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A known log line: a regex found in a line, the finding it feeds and, for dependency errors, which dependency.
 *
 * @param procedure the runbook procedure of the finding: {@code B} for the UUID crash, {@code A} otherwise
 */
public record LogSignature(String id, String procedure, String finding, Optional<String> dependency, Pattern pattern) {

    public static final String STARTUP_CRASH = "startup-crash";
    public static final String DEPENDENCY_UNREACHABLE = "dependency-unreachable";
    public static final String UUID_JSON = "uuid-json-serialization";

    public static LogSignature of(String id, String finding, String dependency, String regex) {
        return new LogSignature(id, UUID_JSON.equals(finding) ? "B" : "A", finding, Optional.ofNullable(dependency),
                Pattern.compile(regex));
    }
}
