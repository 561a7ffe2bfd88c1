package io.torghut.prober.boot.nativeimage;

import java.sql.SQLFeatureNotSupportedException;
import org.eclipse.jgit.errors.TransportException;

/**
 * The errors of what the native executable leaves out. A plain class: GraalVM accepts only annotated members in a
 * substitution class, so the messages live here.
 */
final class Refusals {
    private Refusals() {
    }

    static TransportException gitTransport(String scheme) {
        return new TransportException(scheme + " remotes are not supported by the prober (https://, ssh:// and file: only)");
    }

    static SQLFeatureNotSupportedException xmlValue() {
        return new SQLFeatureNotSupportedException("XML values are not supported by the prober's native executable");
    }
}
