package io.torghut.prober.deploy;

import static io.torghut.prober.deploy.Manifests.list;
import static io.torghut.prober.deploy.Manifests.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Actions pipeline cannot run here; it is parsed instead, so that it stays well-formed YAML, runs the one list
 * of stages ({@code .ci/run}, which calls the linters and the README's test command as written), and builds and pushes
 * both images, by digest, only on a tag and only after the tests.
 */
class WorkflowTest {
    private static final Path WORKFLOW = Path.of(".github/workflows/ci.yml");
    private static final Path CI_RUN = Path.of(".ci/run");
    private static Map<String, Object> workflow;
    private static String text;

    @BeforeAll
    static void parse() throws IOException {
        text = Files.readString(WORKFLOW);
        workflow = new Yaml().load(text);
    }

    /**
     * The README's test command, read as the check before a submission reads it: the first line inside a code block
     * that mentions test or verify, without a leading {@code $}.
     */
    static String readmeTestCommand() throws IOException {
        boolean inBlock = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
            } else if (inBlock && (line.contains("test") || line.contains("verify"))) {
                return line.replaceFirst("^\\$ *", "").strip();
            }
        }
        return fail("README: no code block line mentions test or verify");
    }

    @Test
    void runsOnPushesPullRequestsAndVersionTags() {
        // YAML 1.1 (SnakeYAML) reads the key `on` as the boolean true.
        @SuppressWarnings("unchecked")
        Map<String, Object> on = (Map<String, Object>) (workflow.containsKey("on") ? workflow.get("on") : ((Map<Object, Object>) (Map<?, ?>) workflow).get(Boolean.TRUE));
        assertTrue(on != null, "no `on:` in " + WORKFLOW);
        assertTrue(on.containsKey("pull_request"));
        assertEquals(List.of("v*"), map(on, "push").get("tags"));
    }

    @Test
    void testJobRunsCiRunAndNoStageOfItsOwnOnUbuntu() {
        Map<String, Object> test = map(map(workflow, "jobs"), "test");
        assertTrue(((String) test.get("runs-on")).startsWith("ubuntu-"), "runs-on " + test.get("runs-on"));
        List<String> runs = list(test, "steps").stream().filter(s -> s.containsKey("run")).map(s -> String.valueOf(s.get("run"))).toList();
        assertTrue(runs.contains(".ci/run"), "a step runs exactly `.ci/run`: " + runs);
        // One list of stages: the workflow's other steps only provide the machine (packages, kubectl, GraalVM, cache).
        assertTrue(runs.stream().noneMatch(r -> r.contains("scripts/") || r.contains("mvnw")), "a stage outside .ci/run: " + runs);
    }

    @Test
    void ciRunCallsTheLintersAndTheReadmeTestCommandAsWritten() throws IOException {
        String command = readmeTestCommand();
        assertEquals("scripts/test.sh", command, "the README's test command changed: update .ci/run");
        List<String> lines = Files.readAllLines(CI_RUN).stream().map(String::strip).toList();
        assertTrue(lines.contains(command), ".ci/run calls `" + command + "` on a line of its own");
        assertTrue(lines.contains("scripts/shellcheck.sh"), "shellcheck on every shell script");
        assertTrue(lines.contains("scripts/pyflakes.sh"), "pyflakes on every Python file");
        assertTrue(lines.indexOf("scripts/pyflakes.sh") < lines.indexOf(command), "the linters run before the long stages");
        assertTrue(Files.isExecutable(CI_RUN), ".ci/run is executable");
    }

    @Test
    void imagesAreBuiltAndPushedByDigestOnATagAfterTheTests() {
        Map<String, Object> images = map(map(workflow, "jobs"), "images");
        assertEquals("startsWith(github.ref, 'refs/tags/v')", images.get("if"));
        assertEquals("test", images.get("needs"));
        assertEquals("write", map(images, "permissions").get("packages"));
        List<Map<String, Object>> flavours = list(map(map(images, "strategy"), "matrix"), "include");
        assertEquals(List.of("jvm", "native"), flavours.stream().map(f -> f.get("flavour")).toList());
        assertTrue(((String) flavours.get(1).get("maven")).contains("-Dnative -Dquarkus.native.container-build=true"));
        String runs = String.join("\n", list(images, "steps").stream().map(s -> String.valueOf(s.get("run"))).toList());
        assertTrue(runs.contains("-Dquarkus.container-image.build=true -Dquarkus.container-image.push=true"), runs);
        assertTrue(runs.contains("RepoDigests") && runs.contains("@sha256:"), "the digest is read back and checked");
    }

    @Test
    void everyActionIsPinnedAndEveryExpressionIsClosed() {
        Matcher uses = Pattern.compile("uses: (\\S+)").matcher(text);
        int count = 0;
        while (uses.find()) {
            count++;
            assertTrue(uses.group(1).matches("[\\w.-]+/[\\w.-]+@v\\d+(\\.\\d+)*"), "pinned to a release: " + uses.group(1));
        }
        assertTrue(count >= 4, "actions found: " + count);
        assertEquals(text.split("\\$\\{\\{", -1).length, text.split("}}", -1).length - countGoTemplates(), "unbalanced ${{ }}");
        assertFalse(text.contains("\t"), "no tabs in YAML");
    }

    /** `{{index .RepoDigests 0}}` (docker inspect's Go template) closes with }} too. */
    private static int countGoTemplates() {
        return text.split("'\\{\\{", -1).length - 1;
    }
}
