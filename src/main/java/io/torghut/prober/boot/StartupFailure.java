package io.torghut.prober.boot;

import io.smallrye.config.ConfigValidationException;
import io.torghut.prober.shared.ConfigProblem;
import io.torghut.prober.shared.FreeText;
import java.util.ArrayList;
import java.util.List;

/** Turns a startup failure into one line: the configuration problem when there is one, else the innermost cause. */
public final class StartupFailure {
    private static final int MAX = 400;

    private StartupFailure() {
    }

    public static String oneLine(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigProblem) {
                return clean(t.getMessage());
            }
            if (t instanceof ConfigValidationException invalid) {
                return clean(validation(invalid));
            }
            root = t;
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return clean(root.getClass().getSimpleName() + message);
    }

    /**
     * SmallRye's report of values it cannot convert or keys it misses, each naming the key, without its message codes
     * and exception class names: {@code invalid configuration: prober.freshness.interval="abc": Invalid duration: abc}.
     */
    private static String validation(ConfigValidationException invalid) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < invalid.getProblemCount(); i++) {
            problems.add(invalid.getProblem(i).getMessage().replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ", "")
                    .replaceAll("SRCFG\\d+: ", "").trim()
                    .replaceAll("^The config property (\\S+) with the config value (\".*\") threw an Exception whilst being converted ", "$1=$2: "));
        }
        return "invalid configuration: " + String.join("; ", problems);
    }

    /** One line, printable characters only, bounded: configuration text can come from anywhere. */
    private static String clean(String text) {
        String flat = text.replaceAll("\\s*[\\r\\n]+\\s*", "; ").replaceAll("\\p{Cntrl}|\\p{Cf}", "?");
        return FreeText.cut(flat, MAX, "...");
    }
}
