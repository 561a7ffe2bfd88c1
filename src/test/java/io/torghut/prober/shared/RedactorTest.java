package io.torghut.prober.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    @ParameterizedTest(name = "secret {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            s3cret-ch-pass | auth failed for s3cret-ch-pass                         | auth failed for ****
            s3cret-ch-pass | twice: s3cret-ch-pass/s3cret-ch-pass                   | twice: ****/****
            p@ss w/rd?     | dsn postgresql://u:p%40ss+w%2Frd%3F@h/db               | dsn postgresql://u:****@h/db
            p@ss w/rd?     | dsn postgresql://u:p%40ss%20w%2Frd%3F@h/db             | dsn postgresql://u:****@h/db
            p@ss w/rd?     | raw p@ss w/rd? here                                    | raw **** here
            # shorter than 4 characters: not a secret worth masking (it would mask ordinary words)
            abc            | abc def                                                | abc def
            ""             | nothing to see                                         | nothing to see
            # no secret in the text: unchanged
            s3cret-ch-pass | connection refused by http://ch:8123                   | connection refused by http://ch:8123
            """)
    void cleansDetails(String secret, String text, String expected) {
        Redactor redactor = new Redactor();
        redactor.add(secret);
        assertEquals(expected, redactor.clean(text));
    }

    @Test
    void aSecretInsideAnotherIsMaskedWholeWhicheverIsAddedFirst() {
        for (String[] order : new String[][] {{"s3cret", "s3cret-pg-pass"}, {"s3cret-pg-pass", "s3cret"}}) {
            Redactor redactor = new Redactor();
            redactor.add(order[0]);
            redactor.add(order[1]);
            assertEquals("pw **** and ****", redactor.clean("pw s3cret-pg-pass and s3cret"));
        }
    }

    @Test
    void nullAndEmptyPassThrough() {
        Redactor redactor = new Redactor();
        redactor.add(null);
        redactor.add("s3cret-ch-pass");
        assertNull(redactor.clean((String) null));
        assertEquals("", redactor.clean(""));
    }
}
