package io.torghut.prober.boot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md cannot drift from the mappings: its key tables are what {@link ConfigurationDoc} makes of them
 * now, so every key appears with its default and no key is documented that does not exist. After changing a mapping,
 * run this test with {@code -Dprober.docs.write=true} to rewrite the tables (the text above them is kept).
 */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("docs", "configuration.md");

    @Test
    void theKeyTablesAreTheMappings() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(ConfigurationDoc.BEGIN);
        int end = doc.indexOf(ConfigurationDoc.END);
        assertTrue(begin >= 0 && end > begin, DOC + " lacks the generated part's markers");
        String generated = ConfigurationDoc.tables();
        String written = doc.substring(begin, end + ConfigurationDoc.END.length() + 1);
        if (Boolean.getBoolean("prober.docs.write")) {
            Files.writeString(DOC, doc.substring(0, begin) + generated + doc.substring(end + ConfigurationDoc.END.length() + 1));
            return;
        }
        assertEquals(generated, written, DOC + " differs from the mappings: run ConfigurationDocTest with -Dprober.docs.write=true");
    }

    @Test
    void everyKeyOfEveryMappingIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        for (String path : KnownKeys.paths()) {
            path = path.replace("[*]", ""); // a list's indexed form is the list's key
            String shown = "`" + path.replace("*", "<name>") + "`";
            assertTrue(doc.contains(shown), shown + " is not in " + DOC);
        }
    }
}
