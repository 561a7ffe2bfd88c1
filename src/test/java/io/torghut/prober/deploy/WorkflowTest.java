package io.torghut.prober.deploy;

import static io.torghut.prober.deploy.Manifests.list;
import static io.torghut.prober.deploy.Manifests.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The GitHub Actions pipeline cannot run here; it is parsed instead, so that it stays well-formed YAML, runs the README's
 * test command as written, and builds and pushes both images, by digest, only on a tag and only after the tests.
 */
class WorkflowTest {
    private static final Path WORKFLOW = Path.of(".github/workflows/ci.yml");
    private static Map<String, Object> workflow;
    private static String text;

    @BeforeAll
    static void parse() throws IOException {
        text = Files.readString(WORKFLOW);
        workflow = new Yaml().load(text);
    }

    /** The README's test command: the code block that follows "Run every test". */
    static String readmeTestCommand() throws IOException {
        Matcher m = Pattern.compile("\nRun every test[^\n]*(?:\n[^\n`]+)*\n+```\n([^`]+?)\n```").matcher(Files.readString(Path.of("README.md")));
        assertTrue(m.find(), "README: no code block after 'Run every test'");
        return m.group(1).strip();
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
    void testJobRunsTheReadmeTestCommandAsWrittenOnUbuntu() throws IOException {
        Map<String, Object> test = map(map(workflow, "jobs"), "test");
        assertTrue(((String) test.get("runs-on")).startsWith("ubuntu-"), "runs-on " + test.get("runs-on"));
        String command = readmeTestCommand();
        assertEquals("scripts/test.sh", command, "the README's test command changed: update the workflow");
        List<Map<String, Object>> steps = list(test, "steps");
        assertTrue(steps.stream().anyMatch(s -> command.equals(s.get("run"))), "a step runs exactly `" + command + "`");
        assertTrue(steps.stream().anyMatch(s -> "scripts/shellcheck.sh".equals(String.valueOf(s.get("run")).lines()
                .reduce((a, b) -> b).orElse(""))), "shellcheck runs in the pipeline");
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
