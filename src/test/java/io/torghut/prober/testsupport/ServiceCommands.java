package io.torghut.prober.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs server tools the way {@code scripts/test-services.sh} does: as the service's own user via {@code setpriv}
 * when the tests run as root ({@code initdb}/{@code postgres} refuse root), as the current user otherwise.
 */
final class ServiceCommands {
    private ServiceCommands() {
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command prefixed with setpriv when running as root. */
    static List<String> as(String user, List<String> command) {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups"));
        }
        full.addAll(command);
        return full;
    }

    /** Runs to completion within {@code seconds}; a non-zero exit is an error carrying the output. */
    static String run(String user, int seconds, String... command) {
        List<String> full = as(user, List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + seconds + "s: " + String.join(" ", full));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", full) + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh directory under /tmp owned by {@code user} (so its server can write there when we are root). */
    static Path ownedTempDir(String prefix, String user) {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
            dir.toFile().setReadable(true, false);
            dir.toFile().setExecutable(true, false);
            if (root()) {
                chown(dir, user);
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp dir", e);
        }
    }

    static void chown(Path path, String user) {
        try {
            Process process = new ProcessBuilder("chown", "-R", user + ":" + user, path.toString()).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("chown " + user + " " + path + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        TempDirs.deleteTree(dir);
    }
}
