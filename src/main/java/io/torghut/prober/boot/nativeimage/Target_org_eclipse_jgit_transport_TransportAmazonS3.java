package io.torghut.prober.boot.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PushConnection;

/**
 * Native image only (the JVM never loads it): JGit's amazon-s3:// transport, cut out of the executable. JGit registers
 * every transport it has at class initialisation, so all of them were reachable, although the pause only talks to
 * https://, ssh:// and file: remotes ({@code PauseChecks} refuses any other at startup).
 * Its bucket listing parses XML, and it alone pulled the whole java.xml module into the executable (1.8 MB of code,
 * plus its message tables in the image heap). Opening such a remote fails with a clear transport error instead.
 */
@TargetClass(className = "org.eclipse.jgit.transport.TransportAmazonS3")
final class Target_org_eclipse_jgit_transport_TransportAmazonS3 {
    @Substitute
    public FetchConnection openFetch() throws TransportException {
        throw Refusals.gitTransport("amazon-s3://");
    }

    @Substitute
    public PushConnection openPush() throws TransportException {
        throw Refusals.gitTransport("amazon-s3://");
    }
}
