package io.torghut.prober.adapter.git;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.ssh.jsch.JschConfigSessionFactory;
import org.eclipse.jgit.transport.ssh.jsch.OpenSshConfig;
import org.eclipse.jgit.util.FS;

/**
 * How JGit reaches the remote, set on every fetch and push: the timeout, and either https credentials or an SSH deploy
 * key with pinned host keys. Over SSH nothing of the user's own SSH setup is read (no {@code ~/.ssh/config}, no
 * default identities, no {@code ~/.ssh/known_hosts}): the key and the known-hosts file come from the configuration,
 * and an unknown or changed host key is refused, never trusted on first use.
 */
public final class RemoteAccess {
    private final int timeoutSeconds;
    private final Optional<CredentialsProvider> credentials;
    private final Optional<JschConfigSessionFactory> ssh;

    private RemoteAccess(int timeoutSeconds, Optional<CredentialsProvider> credentials, Optional<JschConfigSessionFactory> ssh) {
        this.timeoutSeconds = timeoutSeconds;
        this.credentials = credentials;
        this.ssh = ssh;
    }

    /** https (or file:) with these credentials, if any. */
    public static RemoteAccess https(int timeoutSeconds, Optional<CredentialsProvider> credentials) {
        return new RemoteAccess(timeoutSeconds, credentials, Optional.empty());
    }

    /**
     * SSH with this private key (a mounted Secret) and only the host keys in {@code knownHosts}.
     *
     * @param unusedConfig a path that does not exist, standing in for an SSH config file so that none is read
     */
    public static RemoteAccess ssh(int timeoutSeconds, Path key, Path knownHosts, Path unusedConfig) {
        JschConfigSessionFactory sessions = new JschConfigSessionFactory() {
            @Override
            protected void configure(OpenSshConfig.Host host, Session session) {
                session.setConfig("StrictHostKeyChecking", "yes");
                session.setConfig("PreferredAuthentications", "publickey");
            }

            @Override
            protected JSch createDefaultJSch(FS fs) throws JSchException {
                JSch jsch = new JSch();
                jsch.addIdentity(key.toString());
                jsch.setKnownHosts(knownHosts.toString());
                return jsch;
            }
        };
        File none = unusedConfig.toFile();
        sessions.setConfig(new OpenSshConfig(none.getParentFile(), none));
        return new RemoteAccess(timeoutSeconds, Optional.empty(), Optional.of(sessions));
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** The command, with this remote's timeout, credentials and SSH sessions. */
    <C extends TransportCommand<C, ?>> C apply(C command) {
        command.setTimeout(timeoutSeconds).setCredentialsProvider(credentials.orElse(null));
        ssh.ifPresent(sessions -> command.setTransportConfigCallback(transport -> {
            if (transport instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(sessions);
            }
        }));
        return command;
    }
}
