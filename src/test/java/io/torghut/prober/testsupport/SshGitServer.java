package io.torghut.prober.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real SSH Git host on loopback: Debian's OpenSSH {@code sshd} with a config of its own (its own host key, only
 * public-key logins from one authorized key, no PAM), where the login can run nothing but {@code git-shell}. Running
 * as root, the login is the user {@value #GIT_USER} whose login shell is {@code git-shell} (made by
 * {@code scripts/test-services.sh install}); otherwise the user running the tests, held to {@code git-shell} by
 * {@code ForceCommand}. Keys are made by {@code ssh-keygen}: the deploy key (the prober's), another key the server
 * does not know, and the host key with a second one to play an impostor host.
 */
public final class SshGitServer implements AutoCloseable {
    public static final String GIT_USER = "torghut-git";
    private static final String SSHD = "/usr/sbin/sshd";
    private final Path dir;
    private final int port;
    private final String user;
    private final Process process;

    private SshGitServer(Path dir, int port, String user, Process process) {
        this.dir = dir;
        this.port = port;
        this.user = user;
        this.process = process;
    }

    /**
     * Starts sshd serving the repositories under {@code root} (given to {@link #GIT_USER} when running as root).
     *
     * @param dir an empty directory for keys, config and log
     */
    public static SshGitServer start(Path dir, Path root) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        keygen(dir.resolve("host_ed25519"));
        keygen(dir.resolve("impostor_ed25519"));
        keygen(dir.resolve("deploy_key"));
        keygen(dir.resolve("stranger_key"));
        Files.copy(dir.resolve("deploy_key.pub"), dir.resolve("authorized_keys"));
        boolean root0 = "root".equals(System.getProperty("user.name"));
        boolean dedicated = root0 && run(List.of("id", GIT_USER)) == 0;
        String user = dedicated ? GIT_USER : System.getProperty("user.name");
        if (root0) {
            // sshd's privilege separation directory, which Debian's init script would create.
            Files.createDirectories(Path.of("/run/sshd"));
        }
        int port = freePort();
        String config = String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "AllowUsers " + user,
                dedicated ? "" : "ForceCommand /usr/bin/git-shell -c \"$SSH_ORIGINAL_COMMAND\"",
                "LogLevel VERBOSE", "");
        Files.writeString(dir.resolve("sshd_config"), config);
        Process sshd = new ProcessBuilder(SSHD, "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        SshGitServer server = new SshGitServer(dir, port, user, sshd);
        server.own(root);
        server.awaitListening();
        return server;
    }

    /** Gives the repositories under {@code root} to the SSH login again, after the test wrote into them as root. */
    public void own(Path root) throws IOException, InterruptedException {
        if (!GIT_USER.equals(user)) {
            return;
        }
        if (run(List.of("chown", "-R", GIT_USER + ":", root.toString())) != 0) {
            throw new IOException("cannot give " + root + " to " + GIT_USER);
        }
        // The temporary directories above it are the test's (mode 700): the login must be able to pass through them.
        for (Path up = root.toAbsolutePath().getParent(); up != null && !up.equals(up.getRoot()); up = up.getParent()) {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(up);
            if (mode.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(up, mode);
            }
        }
    }

    /** {@code ssh://user@127.0.0.1:port/<absolute path>} of a bare repository. */
    public String url(Path bare) {
        return "ssh://" + user + "@127.0.0.1:" + port + bare.toAbsolutePath();
    }

    /** The deploy key the server accepts (the prober's mounted Secret). */
    public Path deployKey() {
        return dir.resolve("deploy_key");
    }

    /** A key the server does not accept. */
    public Path strangerKey() {
        return dir.resolve("stranger_key");
    }

    /** A known_hosts file pinning the server's real host key. */
    public Path knownHosts() throws IOException {
        return knownHosts("known_hosts", "host_ed25519.pub");
    }

    /** A known_hosts file pinning another key for the same host and port: the server looks like an impostor. */
    public Path wrongKnownHosts() throws IOException {
        return knownHosts("wrong_known_hosts", "impostor_ed25519.pub");
    }

    /** What sshd logged (for failure messages). */
    public String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    private Path knownHosts(String name, String publicKey) throws IOException {
        String[] key = Files.readString(dir.resolve(publicKey)).trim().split("\\s+");
        return Files.writeString(dir.resolve(name), "[127.0.0.1]:" + port + " " + key[0] + " " + key[1] + "\n");
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited: " + log());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("sshd did not listen on " + port + ": " + log());
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        if (run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", key.getFileName().toString(), "-f", key.toString())) != 0) {
            throw new IOException("ssh-keygen failed for " + key);
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
