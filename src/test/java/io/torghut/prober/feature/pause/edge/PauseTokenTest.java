package io.torghut.prober.feature.pause.edge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.torghut.prober.shared.ConfigProblem;
import io.torghut.prober.shared.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 24 (7): the pause token as a mounted Secret gives it. Main turned every correct token into a 401 when the
 * Secret ended in a newline, said nothing at startup, and with a blank token started trigger mode that answered 503
 * forever.
 */
class PauseTokenTest {
    @TempDir
    Path tmp;
    final Redactor redactor = new Redactor();

    @Test
    void aTokenEndingInANewlineIsTrimmedAsAlertmanagerTrimsItsCredentialsFile() {
        BearerAuth auth = new BearerAuth(PauseToken.of(Optional.of("s3cret-token\n"), Optional.empty(), redactor));
        assertDoesNotThrow(() -> auth.check("Bearer s3cret-token"));
        assertEquals("say ****", redactor.clean("say s3cret-token"), "the trimmed token is a secret too");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", " \t\r\n"})
    void aBlankTokenRefusesStartupNamingTheKey(String token) {
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> PauseToken.of(Optional.of(token), Optional.empty(), redactor));
        assertEquals("invalid configuration prober.pause.token (PROBER_PAUSE_TOKEN): is empty or only whitespace", problem.getMessage());
    }

    @Test
    void aBlankOrMissingTokenFileRefusesStartupNamingTheKey() throws Exception {
        Path file = Files.writeString(tmp.resolve("token"), "  \n");
        assertEquals("invalid configuration prober.pause.token-file (PROBER_PAUSE_TOKEN_FILE): the file is empty or only whitespace",
                assertThrows(ConfigProblem.class, () -> PauseToken.of(Optional.empty(), Optional.of(file.toString()), redactor)).getMessage());
        assertEquals("invalid configuration prober.pause.token-file (PROBER_PAUSE_TOKEN_FILE): cannot be read (NoSuchFileException)",
                assertThrows(ConfigProblem.class, () -> PauseToken.of(Optional.empty(), Optional.of(tmp.resolve("absent").toString()),
                        redactor)).getMessage());
        assertEquals("invalid configuration prober.pause.token (PROBER_PAUSE_TOKEN): set either it or prober.pause.token-file "
                + "(PROBER_PAUSE_TOKEN_FILE), not both", assertThrows(ConfigProblem.class,
                () -> PauseToken.of(Optional.of("t"), Optional.of(file.toString()), redactor)).getMessage());
    }

    /** A rotated Secret takes effect without a restart; one emptied refuses every call (503), never opens /pause. */
    @Test
    void aRotatedTokenFileIsReadAgain() throws Exception {
        Path file = Files.writeString(tmp.resolve("token"), "first-token-1111\n");
        BearerAuth auth = new BearerAuth(PauseToken.of(Optional.empty(), Optional.of(file.toString()), redactor));
        assertDoesNotThrow(() -> auth.check("Bearer first-token-1111"));
        Files.writeString(file, "second-token-2222\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertDoesNotThrow(() -> auth.check("Bearer second-token-2222"));
        assertEquals(401, assertThrows(PauseProblem.class, () -> auth.check("Bearer first-token-1111")).status());
        assertEquals("x **** y", redactor.clean("x second-token-2222 y"), "the new token is a secret from the moment it is read");
        Files.writeString(file, "");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        PauseProblem empty = assertThrows(PauseProblem.class, () -> auth.check("Bearer second-token-2222"));
        assertEquals(503, empty.status());
        assertEquals("the pause token file (prober.pause.token-file (PROBER_PAUSE_TOKEN_FILE)) holds no token: /pause refuses every call",
                empty.getMessage());
    }
}
