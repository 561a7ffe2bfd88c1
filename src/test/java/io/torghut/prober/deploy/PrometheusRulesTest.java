package io.torghut.prober.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The alert rules load in promtool, their unit tests pass, and the operator's PrometheusRule carries the same rules. */
class PrometheusRulesTest {
    private static final String RULES = "k8s/prometheus/torghut-prober-rules.yml";

    @Test
    void rulesAreValid() {
        ExternalCommand check = ExternalCommand.run(Duration.ofSeconds(60), null, "promtool", "check", "rules", RULES);
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("SUCCESS"), check.output());
    }

    @Test
    void ruleUnitTestsPass() {
        ExternalCommand test = ExternalCommand.run(Duration.ofSeconds(120), null,
                "promtool", "test", "rules", "k8s/prometheus/tests/rules_test.yml");
        assertEquals(0, test.exitCode(), test.output());
        assertTrue(test.output().contains("SUCCESS"), test.output());
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusRuleMatchesThePlainRulesFile() throws IOException {
        Map<String, Object> plain = new Yaml().load(Files.readString(Path.of(RULES)));
        Map<String, Object> operator = new Yaml().load(Files.readString(Path.of("k8s/base/prometheusrule.yaml")));
        Map<String, Object> spec = (Map<String, Object>) operator.get("spec");
        assertEquals(plain.get("groups"), spec.get("groups"), "run scripts/sync-prometheus-rule.sh after editing " + RULES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasSeveritySummaryDescriptionAndRunbookUrl() throws IOException {
        Map<String, Object> plain = new Yaml().load(Files.readString(Path.of(RULES)));
        for (Map<String, Object> group : (List<Map<String, Object>>) plain.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
                Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
                String name = (String) rule.get("alert");
                assertTrue(List.of("warning", "critical").contains(labels.get("severity")), name);
                for (String key : List.of("summary", "description", "runbook_url")) {
                    assertTrue(annotations.get(key) instanceof String s && !s.isBlank(), name + " lacks " + key);
                }
                assertTrue(((String) annotations.get("runbook_url")).contains("docs/runbook.md#"), name);
            }
        }
    }
}
