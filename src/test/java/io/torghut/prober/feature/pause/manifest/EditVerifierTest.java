package io.torghut.prober.feature.pause.manifest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The editor's safety net on its own: given the text before and a wrong "after" (as a splice at a wrong offset would
 * make), it refuses; given the right one, it passes. A no-op verify() fails this test.
 */
class EditVerifierTest {
    static final String BEFORE = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata:
              name: torghut
            spec:
              template:
                spec:
                  containers:
                    - name: user-container
                      image: torghut:1
                      env:
                        - name: TRADING_ENABLED
                          value: "true"
                        - name: OTHER
                          value: "true"
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the other variable | value: \"true\" | value: \"false\" "
                + "| internal check failed: the edit would change more than TRADING_ENABLED; nothing changed",
        "the image too | image: torghut:1 | image: torghut:2 | internal check failed: the edit would change more than TRADING_ENABLED; nothing changed",
        "broken YAML | image: torghut:1 | 'image: [torghut:1' | internal check failed: the edited manifest does not parse; nothing changed",
    })
    void refusesAWrongEdit(String name, String from, String to, String reason) throws Exception {
        String intended = intended();
        String wrong = intended.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertNotEquals(intended, wrong, "the case must really spoil the edit");
        KnativeServiceLocator.Target target = KnativeServiceLocator.locate(BEFORE, Optional.empty());
        ManifestRefusal refusal = assertThrows(ManifestRefusal.class, () -> EditVerifier.verify(BEFORE, wrong, target, "false"));
        assertEquals(reason, refusal.getMessage());
    }

    private static String intended() {
        ManifestEdit edit = new TradingFlagEditor(Optional.empty()).set(BEFORE, false);
        assertEquals(ManifestEdit.Outcome.CHANGED, edit.outcome(), edit.detail());
        return edit.text();
    }

    @org.junit.jupiter.api.Test
    void passesTheIntendedEdit() throws Exception {
        KnativeServiceLocator.Target target = KnativeServiceLocator.locate(BEFORE, Optional.empty());
        String intended = intended();
        assertEquals(BEFORE.replaceFirst("\"true\"", "\"false\""), intended);
        assertDoesNotThrow(() -> EditVerifier.verify(BEFORE, intended, target, "false"));
    }
}
