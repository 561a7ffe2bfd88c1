package io.torghut.prober.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.util.Collection;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PushConnection;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Native image only (the JVM never loads it): JGit's ssh:// transport, cut out of the executable. JGit registers
 * every transport it has at class initialisation, so all of them were reachable, although the pause only talks to
 * https:// and file: remotes ({@code PauseChecks} refuses any other at startup).
 * It brings JGit's SSH session layer (JSch itself stays: the quarkus-jsch extension that quarkus-jgit brings registers
 * its classes for reflection). Opening such a remote fails with a clear transport error instead.
 */
@TargetClass(className = "org.eclipse.jgit.transport.TransportGitSsh")
final class Target_org_eclipse_jgit_transport_TransportGitSsh {
    @Substitute
    public FetchConnection openFetch() throws TransportException {
        throw Refusals.gitTransport("ssh://");
    }

    @Substitute
    public FetchConnection openFetch(Collection<RefSpec> refSpecs, String... additionalPatterns) throws TransportException {
        throw Refusals.gitTransport("ssh://");
    }

    @Substitute
    public PushConnection openPush() throws TransportException {
        throw Refusals.gitTransport("ssh://");
    }
}
