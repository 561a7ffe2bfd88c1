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
        Map<String, Object> operator = new Yaml().load(Files.readString(Path.of("k8s/components/prometheus-operator/prometheusrule.yaml")));
        Map<String, Object> spec = (Map<String, Object>) operator.get("spec");
        assertEquals(plain.get("groups"), spec.get("groups"), "run scripts/sync-prometheus-rule.sh after editing " + RULES);
    }

    /**
     * Under the Prometheus Operator an AlertmanagerConfig receives only alerts labelled with its namespace: every
     * aggregation keeps {@code namespace}, and the one rule with nothing to keep it from (absent) names it. The promtool
     * tests check the resulting labels; this catches a new rule before anyone writes its test.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyRuleKeepsTheNamespaceLabel() throws IOException {
        Map<String, Object> plain = new Yaml().load(Files.readString(Path.of(RULES)));
        java.util.regex.Pattern aggregation = java.util.regex.Pattern.compile("\\b(sum|max|min|avg|count|topk|bottomk)\\s*(by\\s*\\(([^)]*)\\))?\\s*\\(");
        for (Map<String, Object> group : (List<Map<String, Object>>) plain.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String expr = (String) rule.get("expr");
                java.util.regex.Matcher m = aggregation.matcher(expr);
                while (m.find()) {
                    assertTrue(m.group(3) != null && List.of(m.group(3).split("\\s*,\\s*")).contains("namespace"),
                            rule.get("alert") + ": " + m.group() + " drops namespace in " + expr);
                }
                assertTrue(!expr.contains("absent(") || expr.contains("namespace=\""), rule.get("alert") + ": absent() without namespace");
                assertTrue(!expr.contains(" on (") || java.util.regex.Pattern.compile(" on \\(namespace[,)]").matcher(expr).find(),
                        rule.get("alert") + ": a join must match on namespace");
            }
        }
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
