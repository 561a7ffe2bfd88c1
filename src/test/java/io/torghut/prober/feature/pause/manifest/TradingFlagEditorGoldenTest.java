package io.torghut.prober.feature.pause.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.git.StagedChangeCheck;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files under {@code src/test/resources/manifests/<case>/}: {@code input.yaml}, and either {@code expected.yaml}
 * (byte-for-byte result of the pause edit), {@code unchanged.txt} or {@code refused.txt} (a part of the reason);
 * optional {@code container.txt} names the configured container. Every case also runs with CRLF line breaks.
 */
class TradingFlagEditorGoldenTest {

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path root = Path.of(TradingFlagEditorGoldenTest.class.getResource("/manifests").toURI());
        List<Path> dirs;
        try (Stream<Path> list = Files.list(root)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(dirs.size() >= 25, "golden cases found: " + dirs.size());
        return dirs.stream().flatMap(dir -> Stream.of(Arguments.of(dir.getFileName().toString(), false),
                Arguments.of(dir.getFileName().toString(), true)));
    }

    @ParameterizedTest(name = "{0} crlf={1}")
    @MethodSource("cases")
    void pauseEdit(String name, boolean crlf) throws Exception {
        Path dir = Path.of(getClass().getResource("/manifests/" + name).toURI());
        String input = read(dir.resolve("input.yaml"), crlf);
        Optional<String> container = Files.exists(dir.resolve("container.txt"))
                ? Optional.of(Files.readString(dir.resolve("container.txt")).trim()) : Optional.empty();
        ManifestEdit edit = new TradingFlagEditor(container).set(input, false);
        if (Files.exists(dir.resolve("expected.yaml"))) {
            assertEquals(ManifestEdit.Outcome.CHANGED, edit.outcome(), edit.detail());
            assertEquals(read(dir.resolve("expected.yaml"), crlf), edit.text());
            // What the commit check will see for this edit: exactly the intended change, so it lets it through.
            assertEquals(Optional.empty(), StagedChangeCheck.problem(new StagedChangeCheck.Staged(List.of("m.yaml"), false, input,
                    edit.text()), "m.yaml", input, edit.text()));
            // Pausing the paused file is a no-op, and the resume edit only touches the same place.
            assertEquals(ManifestEdit.Outcome.UNCHANGED, new TradingFlagEditor(container).set(edit.text(), false).outcome());
            ManifestEdit resume = new TradingFlagEditor(container).set(edit.text(), true);
            assertEquals(ManifestEdit.Outcome.CHANGED, resume.outcome(), resume.detail());
            assertEquals(changedLines(edit.text(), resume.text()), changedLines(edit.text(), edit.text().replace("\"false\"", "\"true\"")
                    .replace("'false'", "'true'")), "resume changes the same lines");
        } else if (Files.exists(dir.resolve("unchanged.txt"))) {
            assertEquals(ManifestEdit.Outcome.UNCHANGED, edit.outcome(), edit.detail());
            assertEquals(input, edit.text());
        } else {
            assertEquals(ManifestEdit.Outcome.REFUSED, edit.outcome(), edit.detail());
            assertEquals(input, edit.text());
            String reason = Files.readString(dir.resolve("refused.txt")).trim();
            assertTrue(edit.detail().contains(reason), "reason '" + edit.detail() + "' should contain '" + reason + "'");
        }
    }

    @Test
    void resumeOfTheRealisticPauseRestoresTheOriginalBytes() throws Exception {
        Path dir = Path.of(getClass().getResource("/manifests/realistic").toURI());
        String input = Files.readString(dir.resolve("input.yaml"));
        ManifestEdit paused = new TradingFlagEditor(Optional.empty()).set(input, false);
        assertEquals("true", paused.previous().orElseThrow());
        assertEquals(input, new TradingFlagEditor(Optional.empty()).set(paused.text(), true).text());
    }

    @Test
    void diffShowsExactlyTheOneLine() throws Exception {
        String input = Files.readString(Path.of(getClass().getResource("/manifests/realistic/input.yaml").toURI()));
        ManifestEdit paused = new TradingFlagEditor(Optional.empty()).set(input, false);
        String diff = UnifiedDiff.of("argocd/applications/torghut/knative-service.yaml", input, paused.text());
        assertTrue(diff.startsWith("--- a/argocd/applications/torghut/knative-service.yaml\n+++ b/argocd/applications/torghut/knative-service.yaml\n@@ -41,7 +41,7 @@"), diff);
        assertEquals(List.of("-              value: \"true\"   # set to \"false\" to pause (GitOps only)",
                "+              value: \"false\"   # set to \"false\" to pause (GitOps only)"),
                diff.lines().filter(l -> (l.startsWith("-") || l.startsWith("+")) && !l.startsWith("---") && !l.startsWith("+++")).toList());
        assertEquals("", UnifiedDiff.of("x", input, input));
    }

    private static long changedLines(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        if (x.size() != y.size()) {
            return -1;
        }
        long differing = 0;
        for (int i = 0; i < x.size(); i++) {
            differing += x.get(i).equals(y.get(i)) ? 0 : 1 + i * 1000L;
        }
        return differing;
    }

    private static String read(Path file, boolean crlf) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return crlf ? text.replace("\n", "\r\n") : text;
    }
}
