package io.torghut.prober.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point. A startup that fails prints one line naming what to fix (for configuration: the key), not a
 * 12-line stack trace oncall has to read from the bottom, and exits with 1 so that Kubernetes shows the crash.
 */
@QuarkusMain
public final class ProberMain {
    private ProberMain() {
    }

    public static void main(String... args) {
        Quarkus.run(null, (code, failure) -> {
            if (failure != null) {
                System.err.println("torghut-prober failed to start: " + StartupFailure.oneLine(failure));
                System.err.flush();
            }
            System.exit(code);
        }, args);
    }
}
