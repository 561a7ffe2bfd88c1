package io.torghut.prober.boot.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native image only in effect: JSch loads its algorithm implementations by class name and drops, at every connection,
 * those it cannot instantiate. The quarkus-jsch extension registers the RSA, ECDSA and DSA ones but not the Edwards
 * curves, so the native executable offered no {@code ssh-ed25519} host key or user key and no curve25519 key exchange
 * ("Algorithm negotiation fail: server_host_key", found by PackagedSshPauseIT on the native runner): ed25519 is what
 * GitHub's and most hosts' deploy keys and host keys are. These are the JDK (JCE) implementations JSch picks on Java 15+.
 */
@RegisterForReflection(classNames = {
    "com.jcraft.jsch.jce.SignatureEd25519",
    "com.jcraft.jsch.jce.SignatureEd448",
    "com.jcraft.jsch.jce.KeyPairGenEdDSA",
    "com.jcraft.jsch.jce.XDH"
})
final class JschEdwardsCurves {
    private JschEdwardsCurves() {
    }
}
