package io.torghut.prober.feature.metrics;

import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.torghut.prober.boot.config.OperateProfile;
import io.torghut.prober.testsupport.ManagementInterface;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard against the running prober: every query parses in a real Prometheus that scrapes the app,
 * names only metrics the app exports (compared with its /q/metrics), and returns series (a wrong label value such as
 * {@code le="1"} instead of {@code le="1.0"} would return nothing). Also the new metric families themselves.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(OperateProfile.class)
class DashboardQueriesTest {
    static final Path DASHBOARD = Path.of("k8s", "components", "grafana-dashboard", "torghut-prober-dashboard.json");
    private static final Pattern PROBER_METRIC = Pattern.compile("torghut_prober_[a-z0-9_]+");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((torghut_prober_[a-z0-9_]+), *[a-z_]+\\)");

    /** Sample names in the scrape (histograms appear as _bucket/_sum/_count, counters with _total). */
    private static Set<String> exported(String scrape) {
        return scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> panelQueries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        return queries;
    }

    /** Grafana's variables and macros, as Grafana would substitute them for an "All" selection. */
    private static String substituted(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$instance", ".*");
    }

    @Test
    void everyQueryParsesNamesExportedMetricsAndReturnsSeries() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> queries = panelQueries(dashboard);
        assertTrue(queries.size() >= 20, "panel queries: " + queries.size());
        Set<String> exported = exported(management().get("/q/metrics").then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();
        for (String query : queries) {
            Matcher names = PROBER_METRIC.matcher(query);
            boolean any = false;
            while (names.find()) {
                any = true;
                if (!exported.contains(names.group())) {
                    problems.add(names.group() + " is not exported by the prober (in: " + query + ")");
                }
            }
            if (!any) {
                problems.add("names no torghut_prober_ metric: " + query);
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                Matcher m = LABEL_VALUES.matcher(variable.path("definition").asText());
                assertTrue(m.matches(), variable.toString());
                assertTrue(exported.contains(m.group(1)), m.group(1));
            }
        }
        assertEquals(List.of(), problems);

        try (LocalPrometheus prometheus = LocalPrometheus.scraping(URI.create(ManagementInterface.origin()).getAuthority(), "/q/metrics")) {
            // three scrapes at least, so that rate() and increase() have samples to work with
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    prometheus.query("count_over_time(up{job=\"torghut-prober\"}[1m]) >= 3").body().contains("\"value\""));
            for (String query : queries) {
                HttpResponse<String> reply = prometheus.query(substituted(query));
                assertEquals(200, reply.statusCode(), query + " -> " + reply.body());
                assertTrue(reply.body().contains("\"status\":\"success\""), query + " -> " + reply.body());
                // "> 0" panels show only what is present (findings); every other query must find series in this app
                if (!query.endsWith("> 0")) {
                    assertTrue(reply.body().contains("\"metric\""), "no series for " + query + " -> " + reply.body());
                }
            }
            HttpResponse<String> broken = prometheus.query("sum by (probe (torghut_prober_probe_success)");
            assertEquals(400, broken.statusCode(), "the check must see parse errors: " + broken.body());
            assertTrue(broken.body().contains("parse error"), broken.body());
        }
    }

    @Test
    void buildInfoSkippedRunsCounterAndLatencyHistogramAreExported() {
        String scrape = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scrape.lines().anyMatch(l -> l.matches("torghut_prober_build_info\\{.*revision=\"([0-9a-f]{7,64}(-dirty)?|unknown)\".*\\} 1\\.0")
                && l.contains("version=\"")), () -> scrape.lines().filter(l -> l.contains("build_info")).toList().toString());
        assertTrue(scrape.lines().anyMatch(l -> l.matches("# TYPE torghut_prober_probe_runs_skipped(_total)? counter")), "skipped runs as a counter");
        assertTrue(scrape.lines().anyMatch(l -> l.matches("torghut_prober_probe_runs_skipped_total\\{probe=\"healthz\",?} [0-9.]+")),
                () -> "a series per probe: " + scrape.lines().filter(l -> l.contains("skipped")).toList());
        assertTrue(scrape.contains("# TYPE torghut_prober_probe_skipped_runs gauge"), "the old gauge, kept for one release");
        assertTrue(scrape.contains("# TYPE torghut_prober_probe_latency_seconds histogram"));
        for (String le : List.of("0.01", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "+Inf")) {
            assertTrue(scrape.contains("torghut_prober_probe_latency_seconds_bucket{probe=\"healthz\",le=\"" + le + "\""), le);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String now = management().get("/q/metrics").then().extract().asString();
            Matcher count = Pattern.compile("torghut_prober_probe_latency_seconds_count\\{probe=\"clickhouse\",?} ([0-9.]+)").matcher(now);
            assertTrue(count.find() && Double.parseDouble(count.group(1)) >= 2, "every run is observed");
        });
    }
}
