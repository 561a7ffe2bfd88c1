package io.torghut.prober.feature.runbook;

import static io.torghut.prober.testsupport.K8sFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every word oncall reads for each runbook scenario of {@link RunbookFindingsTest}: summary, evidence, resources,
 * commands, GitOps steps and advice of every finding, against {@code runbook-findings.txt}. {@code RunbookFindingsTest}
 * says which findings a scenario gives; this says what they tell the reader, so a wrong word (a wrong revision, a lost
 * evidence line, a command for the wrong object) fails. After an intended change of wording, write the new text with
 * {@code -Drunbook.golden.write=true}, then read the diff before committing it.
 */
class RunbookFindingsGoldenTest {
    static final String GOLDEN = "/runbook-findings.txt";

    @Test
    void everyScenarioSaysExactlyTheGoldenText() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Arguments row : RunbookFindingsTest.scenarios().toList()) {
            Object[] a = row.get();
            List<Finding> findings = RunbookFindings.evaluate(Optional.ofNullable((KnativeObservation) a[1]),
                    Optional.ofNullable((CnpgObservation) a[2]),
                    new FindingContext((Verdict) a[3], NOW, Duration.ofMinutes(3), RunbookNames.defaults()));
            out.append("## ").append(a[0]).append('\n');
            findings.forEach(f -> render(f, out));
            out.append('\n');
        }
        String actual = out.toString();
        if (Boolean.getBoolean("runbook.golden.write")) {
            Files.writeString(Path.of("src/test/resources" + GOLDEN), actual, StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual);
    }

    static void render(Finding f, StringBuilder out) {
        out.append(f.severity()).append(' ').append(f.procedure()).append(' ').append(f.id()).append(": ").append(f.summary()).append('\n');
        section(out, "evidence", f.evidence());
        section(out, "resources", f.resources());
        section(out, "commands", f.commands());
        section(out, "gitops", f.gitops().stream().map(g -> g.file() + " | " + g.line() + " | " + g.change()).toList());
        section(out, "advice", f.advice());
    }

    private static void section(StringBuilder out, String name, List<String> lines) {
        out.append("  ").append(name).append(":\n");
        lines.forEach(l -> out.append("    ").append(l).append('\n'));
    }
}
