package io.torghut.prober.adapter.git;

import io.torghut.prober.shared.ConfigProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Iterator;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.eclipse.jgit.lib.GpgSignature;

/**
 * OpenPGP signatures for pause commits with a key from a file: the ASCII-armored secret key of a mounted Secret
 * ({@code prober.gitops.signing.key-file}), unlocked once at startup with {@code prober.gitops.signing.passphrase}.
 * The signature is what {@code git commit -S} writes: an armored detached signature over the commit object, SHA-256,
 * with the issuer fingerprint, so that a host that requires signed commits (and {@code git verify-commit}) accepts
 * it. BouncyCastle's lightweight API, no JCA provider to register (native image). JGit's own BouncyCastle signer only
 * finds keys in a GnuPG home directory chosen once per process, not in a Secret's file.
 */
public final class OpenPgpSigner implements CommitSigner {
    static final String KEY_FILE = "prober.gitops.signing.key-file (GITOPS_SIGNING_KEY_FILE)";
    static final String PASSPHRASE = "prober.gitops.signing.passphrase (GITOPS_SIGNING_PASSPHRASE)";
    private final PGPPrivateKey key;
    private final PGPPublicKey publicKey;

    private OpenPgpSigner(PGPPrivateKey key, PGPPublicKey publicKey) {
        this.key = key;
        this.publicKey = publicKey;
    }

    /** Reads and unlocks the key; every failure names the key, never the key's content or the passphrase. */
    public static OpenPgpSigner load(Path keyFile, Optional<String> passphrase) {
        PGPSecretKey secret;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(keyFile))) {
            secret = signingKey(new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator()))
                    .orElseThrow(() -> new ConfigProblem(KEY_FILE, "holds no OpenPGP secret key that can sign"));
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof ConfigProblem problem) {
                throw problem;
            }
            throw new ConfigProblem(KEY_FILE, "is not an ASCII-armored OpenPGP secret key (" + e.getClass().getSimpleName() + ")");
        }
        try {
            PGPPrivateKey key = secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(passphrase.orElse("").toCharArray()));
            if (key == null) {
                throw new ConfigProblem(KEY_FILE, "holds only the public part of the key");
            }
            return new OpenPgpSigner(key, secret.getPublicKey());
        } catch (PGPException e) {
            throw new ConfigProblem(PASSPHRASE, passphrase.isEmpty() ? "is required: the key is protected by a passphrase"
                    : "does not unlock the key");
        }
    }

    /** The first key of the file that can sign and is not revoked: the primary key, or a signing subkey. */
    private static Optional<PGPSecretKey> signingKey(PGPSecretKeyRingCollection rings) {
        for (Iterator<PGPSecretKeyRing> ring = rings.getKeyRings(); ring.hasNext(); ) {
            for (Iterator<PGPSecretKey> keys = ring.next().getSecretKeys(); keys.hasNext(); ) {
                PGPSecretKey candidate = keys.next();
                if (candidate.isSigningKey() && !candidate.isPrivateKeyEmpty() && !candidate.getPublicKey().hasRevocation()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The key's fingerprint, for logs and answers (public, like the key id git prints). */
    public String fingerprint() {
        StringBuilder hex = new StringBuilder();
        for (byte b : publicKey.getFingerprint()) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }

    @Override
    public GpgSignature sign(byte[] commit) throws IOException {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA256), publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, key);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, new Date());
            hashed.setIssuerFingerprint(false, publicKey);
            generator.setHashedSubpackets(hashed.generate());
            PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
            unhashed.setIssuerKeyID(false, publicKey.getKeyID());
            generator.setUnhashedSubpackets(unhashed.generate());
            generator.update(commit);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(out)) {
                generator.generate().encode(armored);
            }
            return new GpgSignature(out.toByteArray());
        } catch (PGPException e) {
            throw new IOException("signing the pause commit failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
