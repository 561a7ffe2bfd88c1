package io.torghut.prober.feature.pause.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <token>} in constant time: both sides are hashed first, so neither the content
 * nor the length of the configured token leaks through timing. Without a token every call is refused (503): /pause is
 * never open. The token is asked for at every call ({@link PauseToken}): a rotated Secret takes effect at once.
 */
public final class BearerAuth {
    private final PauseToken token;

    public BearerAuth(PauseToken token) {
        this.token = token;
    }

    public void check(String authorization) {
        Optional<String> expected = token.current();
        if (expected.isEmpty()) {
            throw new PauseProblem(503, "not_configured", token.configured()
                    ? "the pause token file (" + PauseToken.FILE_KEY + ") holds no token: /pause refuses every call"
                    : "no pause token is configured (PROBER_PAUSE_TOKEN, prober.pause.token): /pause refuses every call");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new PauseProblem(401, "unauthorized", "missing bearer token (Authorization: Bearer <PROBER_PAUSE_TOKEN>)");
        }
        byte[] given = sha256(authorization.substring(7).strip());
        if (!MessageDigest.isEqual(sha256(expected.get()), given)) {
            throw new PauseProblem(401, "unauthorized", "wrong bearer token");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
