package io.torghut.prober.feature.pause.edge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.torghut.prober.shared.Redactor;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthTest {
    private final BearerAuth auth = new BearerAuth(PauseToken.of(Optional.of("s3cret-token"), Optional.empty(), new Redactor()));

    @ParameterizedTest
    @ValueSource(strings = {"Bearer s3cret-token", "bearer s3cret-token", "Bearer  s3cret-token "})
    void acceptsTheToken(String header) {
        assertDoesNotThrow(() -> auth.check(header));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer s3cret-tokem", "Bearer s3cret-token-longer", "Basic s3cret-token", "s3cret-token"})
    void refusesEverythingElseWith401(String header) {
        PauseProblem problem = assertThrows(PauseProblem.class, () -> auth.check(header));
        assertEquals(401, problem.status());
        assertFalse(problem.getMessage().contains("s3cret"), "the token never appears in the error");
    }

    @ParameterizedTest
    @CsvSource({"Bearer anything", "''"})
    void withoutAConfiguredTokenEveryCallIs503(String header) {
        BearerAuth none = new BearerAuth(PauseToken.of(Optional.empty(), Optional.empty(), new Redactor()));
        PauseProblem problem = assertThrows(PauseProblem.class, () -> none.check(header));
        assertEquals(503, problem.status());
        assertEquals("no pause token is configured (PROBER_PAUSE_TOKEN, prober.pause.token): /pause refuses every call", problem.getMessage());
    }
}
