package io.torghut.prober.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a tool the deployment checks need (kubectl, promtool); a missing tool fails the test with the install hint. */
public record ExternalCommand(int exitCode, String output) {

    public static ExternalCommand run(Duration timeout, String input, String... command) {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(projectRoot().toFile()).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail(command[0] + " is not installed: run scripts/test-services.sh install (Debian packages prometheus, kubectl)");
        }
        try {
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new ExternalCommand(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            return fail(String.join(" ", command) + " failed: " + e);
        }
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("user.dir"));
    }
}
