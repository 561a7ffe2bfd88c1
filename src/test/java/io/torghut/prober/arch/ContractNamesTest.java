package io.torghut.prober.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The metric prefix that alert rules and dashboards match on is written once, in {@code shared/Contract}. A string
 * constant is inlined by the compiler, so ArchUnit cannot see this: the sources are read instead.
 */
class ContractNamesTest {
    private static final Path MAIN = Path.of("src", "main", "java");

    @Test
    void theMetricPrefixIsSpelledOnlyInContract() throws IOException {
        List<String> spelled = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.endsWith(Path.of("io", "torghut", "prober", "shared", "Contract.java"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("\"torghut_prober_")) {
                        spelled.add(MAIN.relativize(file) + ":" + (i + 1));
                    }
                }
            }
        }
        assertEquals(List.of(), spelled, "use Contract.METRIC_PREFIX");
    }
}
