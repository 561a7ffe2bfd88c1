package io.torghut.prober.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real OpenPGP keys and checks from Debian's GnuPG: a throwaway {@code GNUPGHOME}, keys made by {@code gpg
 * --quick-gen-key}, exported ASCII-armored as the prober's mounted Secret holds them, and {@code git verify-commit}
 * run with that home, as a reviewer or a Git host checks a signed commit.
 */
public final class GnuPg {
    private final Path home;

    private GnuPg(Path home) {
        this.home = home;
    }

    /** A fresh GnuPG home (mode 700, as gpg insists). */
    public static GnuPg home(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return new GnuPg(dir);
    }

    public Path dir() {
        return home;
    }

    /**
     * Makes an ed25519 signing key for {@code uid} and exports its secret key, ASCII-armored, to {@code file}.
     *
     * @param passphrase empty: a key without a passphrase
     */
    public Path secretKey(String uid, String passphrase, Path file) throws IOException, InterruptedException {
        gpg(List.of("--passphrase", passphrase, "--quick-gen-key", uid, "ed25519", "sign", "never"));
        byte[] armored = gpg(List.of("--passphrase", passphrase, "--armor", "--export-secret-keys", uid));
        return Files.write(file, armored);
    }

    /** Imports the public part of another home's key (what a Git host knows of its users). */
    public void trust(GnuPg other, String uid) throws IOException, InterruptedException {
        Path exported = home.resolve("import-" + System.nanoTime() + ".asc");
        Files.write(exported, other.gpg(List.of("--armor", "--export", uid)));
        gpg(List.of("--import", exported.toString()));
        // The Git host's question is "signed by a known key", not the web of trust: mark the key ultimately trusted.
        String fingerprint = new String(other.gpg(List.of("--with-colons", "--fingerprint", uid)), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
        Path ownertrust = home.resolve("ownertrust-" + System.nanoTime());
        Files.writeString(ownertrust, fingerprint + ":6:\n");
        gpg(List.of("--import-ownertrust", ownertrust.toString()));
    }

    /** {@code git verify-commit} of {@code commit} in {@code repository} with this home: its exit code and output. */
    public Result verifyCommit(Path repository, String commit) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("git", "verify-commit", "--raw", commit).directory(repository.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("GNUPGHOME", home.toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** What a command said. */
    public record Result(int exit, String output) {
    }

    private byte[] gpg(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes", "--pinentry-mode",
                "loopback", "--no-tty"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        return out;
    }
}
