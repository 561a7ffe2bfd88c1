package io.torghut.prober.adapter.git;

import java.io.IOException;
import org.eclipse.jgit.lib.GpgSignature;

/** Signs a commit object's bytes (without its signature header), as {@code git commit -S} does. */
@FunctionalInterface
public interface CommitSigner {
    GpgSignature sign(byte[] commit) throws IOException;
}
