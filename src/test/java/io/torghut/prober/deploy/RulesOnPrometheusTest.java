package io.torghut.prober.deploy;

import static io.torghut.prober.deploy.Manifests.list;
import static io.torghut.prober.deploy.Manifests.map;
import static io.torghut.prober.deploy.Manifests.metadata;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.torghut.prober.testsupport.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules on a real Prometheus 2.42 scraping two replicas with the Prometheus Operator's target labels
 * (namespace, pod, service, endpoint, container; job and instance from the scrape), alerting a real Alertmanager
 * routed the way the operator generates it for the example overlay's AlertmanagerConfig under the default
 * OnNamespace strategy (its matchers plus namespace="torghut"). The pause alerts must reach the webhook; a control
 * rule that aggregates namespace away fires in Prometheus and must not, as it did not in the cluster of issue 11.
 * The `for:` durations are shortened to 1s (as scripts/stack.sh does) so that this takes seconds.
 */
class RulesOnPrometheusTest {
    private static final String CONTROL = """
            groups:
              - name: control
                rules:
                  - alert: ControlWithoutNamespace
                    expr: max(torghut_prober_pause_recommended) == 1
                    labels: {severity: critical, action: pause}
            """;
    private static final String SCRAPE = """
            # TYPE torghut_prober_signal_stale gauge
            torghut_prober_signal_stale{signal="ta_signals"} 1.0
            torghut_prober_signal_stale{signal="ta_microbars"} 0.0
            # TYPE torghut_prober_signal_age_seconds gauge
            torghut_prober_signal_age_seconds{signal="ta_signals"} 600.0
            # TYPE torghut_prober_pause_recommended gauge
            torghut_prober_pause_recommended 1.0
            # TYPE torghut_prober_verdict_level gauge
            torghut_prober_verdict_level 2.0
            # TYPE torghut_prober_kubernetes_api_up gauge
            torghut_prober_kubernetes_api_up 1.0
            """;

    @Test
    void pauseAlertsReachTheWebhookThroughAnOnNamespaceRouteWithTheirNamespace() throws Exception {
        // A fresh directory per run: Alertmanager's notification log from an earlier run (same group, same receiver)
        // would otherwise suppress the notification this test waits for.
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "rules-on-prometheus-");
        Map<String, JsonNode> received = new ConcurrentHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (LoopbackHttp prober = LoopbackHttp.start(SCRAPE, body -> {
            for (JsonNode alert : json.readTree(body).get("alerts")) {
                received.put(alert.get("labels").get("alertname").asText(), alert.get("labels"));
            }
        })) {
            Map<String, Object> amConfig = Manifests.render(Manifests.EXAMPLE_OVERLAY).only("AlertmanagerConfig");
            String namespace = (String) metadata(amConfig).get("namespace");
            Map<String, Object> matcher = list(map(map(amConfig, "spec"), "route"), "matchers").get(0);
            int amPort = TestServices.freePort();
            int promPort = TestServices.freePort();
            Files.writeString(dir.resolve("rules.yml"), Files.readString(Path.of("k8s/prometheus/torghut-prober-rules.yml"))
                    .replaceAll("(?m)^(\\s+)for: \\d+m$", "$1for: 1s"));
            Files.writeString(dir.resolve("control.yml"), CONTROL);
            Files.writeString(dir.resolve("alertmanager.yml"), """
                    route:
                      receiver: blackhole
                      group_wait: 1s
                      group_interval: 1s
                      routes:
                        - receiver: torghut-prober-pause
                          matchers: ['namespace="%s"', '%s="%s"']
                          group_by: ['alertname']
                          group_wait: 1s
                          group_interval: 1s
                    receivers:
                      - name: blackhole
                      - name: torghut-prober-pause
                        webhook_configs: [{url: '%s/pause', send_resolved: true}]
                    """.formatted(namespace, matcher.get("name"), matcher.get("value"), prober.url()));
            String target = "{targets: ['127.0.0.1:%d'], labels: {namespace: %s, service: torghut-prober, endpoint: management, container: prober, pod: %s}}";
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global: {scrape_interval: 1s, scrape_timeout: 900ms, evaluation_interval: 1s}
                    rule_files: ['rules.yml', 'control.yml']
                    alerting: {alertmanagers: [{static_configs: [{targets: ['127.0.0.1:%d']}]}]}
                    scrape_configs:
                      - job_name: torghut-prober
                        metrics_path: /q/metrics
                        static_configs: [%s, %s]
                    """.formatted(amPort, target.formatted(prober.port(), namespace, "torghut-prober-5d8c7b9f4-a1b2c"),
                    target.formatted(prober.port(), namespace, "torghut-prober-5d8c7b9f4-d3e4f")));
            try (Daemon am = Daemon.start(dir.resolve("alertmanager.log"), "prometheus-alertmanager",
                    "--config.file=" + dir.resolve("alertmanager.yml"), "--storage.path=" + dir.resolve("am-data"),
                    "--web.listen-address=127.0.0.1:" + amPort, "--cluster.listen-address=");
                 Daemon prometheus = Daemon.start(dir.resolve("prometheus.log"), "prometheus",
                         "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("prom-data"),
                         "--web.listen-address=127.0.0.1:" + promPort, "--rules.alert.resend-delay=1s")) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertTrue(received.containsKey("TorghutSignalStale") && received.containsKey("TorghutPauseRecommended"),
                            "webhook received " + received.keySet() + "\n" + prometheus.output() + am.output());
                    assertTrue(LoopbackHttp.get("http://127.0.0.1:" + promPort + "/api/v1/alerts").contains("\"ControlWithoutNamespace\""),
                            "the control rule fires in Prometheus");
                });
                // Alertmanager re-sends within a second or two: had the control alert matched, it would be here now.
                Thread.sleep(3000);
            }
        }
        assertEquals("torghut", received.get("TorghutSignalStale").get("namespace").asText());
        assertEquals("ta_signals", received.get("TorghutSignalStale").get("signal").asText());
        assertEquals("torghut", received.get("TorghutPauseRecommended").get("namespace").asText());
        assertEquals(List.of("TorghutPauseRecommended", "TorghutSignalStale"), received.keySet().stream().sorted().toList(),
                "only namespaced pause alerts get through the OnNamespace route");
    }

    /** A server process with its output in a file, stopped (SIGTERM, then SIGKILL) on close. */
    record Daemon(Process process, Path log) implements AutoCloseable {
        static Daemon start(Path log, String... command) throws IOException {
            return new Daemon(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
        }

        String output() {
            try {
                return "\n--- " + log.getFileName() + "\n" + Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
