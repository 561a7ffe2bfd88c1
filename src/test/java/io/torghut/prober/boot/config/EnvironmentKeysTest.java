package io.torghut.prober.boot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlLocationConfigSourceFactory;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.feature.probe.clickhouse.FreshnessConfig;
import io.torghut.prober.feature.probe.http.HttpTargetsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Map-shaped keys set only in the environment reach the mappings, whatever '-' or '_' their names contain; every
 * PROBER_ / GITOPS_ variable that maps to no key is reported; the known set comes from the mappings themselves.
 */
class EnvironmentKeysTest {

    /** The real application.properties, the environment (as SmallRye's env source at 300) and EnvMapKeys. */
    private static SmallRyeConfig config(Map<String, String> env) throws IOException {
        SmallRyeConfig base = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(EnvironmentKeysTest.class.getClassLoader().getResource("application.properties"), 250))
                .build();
        Iterator<String> names = base.getPropertyNames().iterator();
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(EnvironmentKeysTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new io.smallrye.config.EnvConfigSource(env, 300))
                .withSources(new PropertiesConfigSource(EnvMapKeys.derive(env, names), "env map keys", EnvMapKeys.ORDINAL))
                .withMapping(HttpTargetsConfig.class).withMapping(FreshnessConfig.class).withMapping(KubernetesConfig.class)
                .withMapping(io.torghut.prober.feature.pause.PauseConfig.class).withMapping(io.torghut.prober.adapter.git.GitOpsConfig.class)
                .build();
    }

    @Test
    void anHttpTargetSetOnlyInTheEnvironmentBecomesAProbe() throws IOException {
        SmallRyeConfig config = config(Map.of("PROBER_HTTP_MY_TARGET_URL", "http://127.0.0.1:9/health",
                "PROBER_HTTP_MY_TARGET_TIMEOUT", "2s", "PROBER_HTTP_MY_TARGET_EXPECTED_STATUS", "204",
                "PROBER_HTTP_OTHER_URL", "http://127.0.0.1:9/other"));
        Map<String, HttpTargetsConfig.Target> http = config.getConfigMapping(HttpTargetsConfig.class).targets();
        assertEquals(Set.of("my_target", "other"), http.keySet());
        assertEquals("http://127.0.0.1:9/health", http.get("my_target").url());
        assertEquals(Duration.ofSeconds(2), http.get("my_target").timeout());
        assertEquals(Optional.of(204), http.get("my_target").expectedStatus());
        assertEquals(Duration.ofSeconds(10), http.get("other").interval(), "defaults still apply");
    }

    @Test
    void freshnessTablesAndLogSignaturesToo() throws IOException {
        SmallRyeConfig config = config(Map.of("PROBER_FRESHNESS_TABLES_TA_QUOTES_TABLE", "torghut.ta_quotes",
                "PROBER_FRESHNESS_TABLES_TA_QUOTES_MAX_AGE", "90s", "PROBER_FRESHNESS_TABLES_TA_SIGNALS_MAX_AGE", "2m",
                "PROBER_KUBERNETES_LOG_SIGNATURES_WORKER_TIMEOUT_REGEX", "WORKER TIMEOUT"));
        Map<String, FreshnessConfig.Table> tables = config.getConfigMapping(FreshnessConfig.class).tables();
        assertEquals(Set.of("ta_signals", "ta_microbars", "ta_quotes"), tables.keySet());
        assertEquals(Duration.ofSeconds(90), tables.get("ta_quotes").maxAge());
        assertEquals(Duration.ofMinutes(2), tables.get("ta_signals").maxAge(), "an existing table is overridden, not duplicated");
        Map<String, KubernetesConfig.Signature> signatures = config.getConfigMapping(KubernetesConfig.class).logSignatures();
        assertEquals(Set.of("worker-timeout"), signatures.keySet(), "signature ids only allow '-'");
        assertEquals(Optional.of("WORKER TIMEOUT"), signatures.get("worker-timeout").regex());
    }

    @Test
    void aNameSpelledInAnotherSourceKeepsItsSpelling() {
        Map<String, String> keys = EnvMapKeys.derive(Map.of("PROBER_HTTP_MY_TARGET_TIMEOUT", "1s", "PROBER_HTTP_NEW_ONE_URL", "http://x"),
                List.of("prober.http.my-target.url", "prober.session.zone").iterator());
        assertEquals(Map.of("prober.http.my-target.timeout", "1s", "prober.http.new_one.url", "http://x"), keys);
    }

    @Test
    void unknownVariablesAreReportedWithAHint() throws IOException {
        SmallRyeConfig config = config(Map.of());
        Set<String> known = EnvironmentWarnings.known(config);
        assertTrue(known.contains("GITOPS_REPO_URL") && known.contains("PROBER_PAUSE_MODE"), "read by name in application.properties");
        Set<String> env = new TreeSet<>(List.of("PROBER_FRESHNES_INTERVAL", "PROBER_HTTP_MY_TARGET_URI", "GITOPS_TOKN", "PROBER_NOPE",
                "PROBER_HTTP_MY_TARGET_URL", "PROBER_SESSION_HOLIDAYS", "PROBER_SESSION_EARLY_CLOSES", "PROBER_KUBERNETES_ENABLED",
                "PROBER_PAUSE_LEADER_ENABLED", "GITOPS_REPO_URL", "PROBER_FRESHNESS_TABLES_TA_SIGNALS_MAX_AGE", "PATH", "TORGHUT_URL",
                "PROBER_POLICY_FAILURES_TO_BAD", "PROBER_TORGHUT_TRADING_HEALTH_INTERVAL", "PROBER_BAD\nNAME"));
        assertEquals(List.of(
                "environment variable GITOPS_TOKN maps to no configuration key and is ignored; did you mean GITOPS_TOKEN?",
                "environment variable PROBER_BAD?NAME maps to no configuration key and is ignored",
                "environment variable PROBER_FRESHNES_INTERVAL maps to no configuration key and is ignored; did you mean PROBER_FRESHNESS_INTERVAL?",
                "environment variable PROBER_HTTP_MY_TARGET_URI maps to no configuration key and is ignored",
                "environment variable PROBER_NOPE maps to no configuration key and is ignored"),
                EnvironmentWarnings.unknown(env, known));
    }

    /**
     * The mounted YAML file (k8s/base: QUARKUS_CONFIG_LOCATIONS) as Quarkus reads it: SmallRye's YAML location factory
     * on {@code smallrye.config.locations} (what quarkus.config.locations becomes), named by an environment variable.
     * Its map-shaped keys reach the mappings; a variable for a key of an entry it names completes that entry (same
     * spelling, no second target); a variable for a key it sets loses to the file, with a warning; none is unknown.
     */
    @Test
    void aMountedYamlFileAddsMapShapedKeysThatEnvironmentVariablesComplete() throws IOException {
        Path yaml = Files.createTempFile("prober-config", ".yaml");
        try {
            Files.writeString(yaml, """
                    prober:
                      http:
                        my-target:
                          url: http://127.0.0.1:9/health
                          expected-status: 204
                      freshness:
                        tables:
                          ta_quotes:
                            table: torghut.ta_quotes
                            max-age: 90s
                          ta_signals:
                            max-age: 7m
                      kubernetes:
                        log-signatures:
                          worker-timeout:
                            regex: WORKER TIMEOUT
                    """);
            Map<String, String> env = Map.of("PROBER_HTTP_MY_TARGET_TIMEOUT", "2s", "PROBER_FRESHNESS_TABLES_TA_QUOTES_MAX_AGE", "2m",
                    "PROBER_HTTP_MY_TARGT_URL", "http://typo");
            // As the Deployment names the file (QUARKUS_CONFIG_LOCATIONS, relocated by Quarkus to this key).
            Map<String, String> withLocation = new java.util.HashMap<>(env);
            withLocation.put("SMALLRYE_CONFIG_LOCATIONS", yaml.toString());
            SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withSources(new PropertiesConfigSource(EnvironmentKeysTest.class.getClassLoader().getResource("application.properties"), 250))
                    .withSources(new YamlLocationConfigSourceFactory())
                    .withSources(new io.smallrye.config.EnvConfigSource(withLocation, 300))
                    .withSources(new EnvMapKeys(env))
                    .withMapping(HttpTargetsConfig.class).withMapping(FreshnessConfig.class).withMapping(KubernetesConfig.class)
                    .withMapping(io.torghut.prober.feature.pause.PauseConfig.class).withMapping(io.torghut.prober.adapter.git.GitOpsConfig.class)
                    .build();
            Map<String, HttpTargetsConfig.Target> http = config.getConfigMapping(HttpTargetsConfig.class).targets();
            assertEquals(Set.of("my-target", "my_targt"), http.keySet(), "the typo declares its own target, as in the environment alone");
            assertEquals("http://127.0.0.1:9/health", http.get("my-target").url());
            assertEquals(Optional.of(204), http.get("my-target").expectedStatus());
            assertEquals(Duration.ofSeconds(2), http.get("my-target").timeout(), "the environment completes the YAML entry");
            Map<String, FreshnessConfig.Table> tables = config.getConfigMapping(FreshnessConfig.class).tables();
            assertEquals(Set.of("ta_signals", "ta_microbars", "ta_quotes"), tables.keySet());
            assertEquals("torghut.ta_quotes", tables.get("ta_quotes").table());
            assertEquals(Duration.ofSeconds(90), tables.get("ta_quotes").maxAge(), "the file, read at the environment's ordinal after it, wins");
            assertEquals(Duration.ofMinutes(7), tables.get("ta_signals").maxAge(), "YAML over application.properties' defaults");
            assertEquals("torghut.ta_signals", tables.get("ta_signals").table());
            assertEquals(Optional.of("WORKER TIMEOUT"),
                    config.getConfigMapping(KubernetesConfig.class).logSignatures().get("worker-timeout").regex());
            Set<String> variables = Set.of("PROBER_HTTP_MY_TARGET_TIMEOUT", "PROBER_FRESHNESS_TABLES_TA_QUOTES_MAX_AGE");
            assertEquals(List.of(), EnvironmentWarnings.unknown(variables, EnvironmentWarnings.known(config)), "no key of the file is unknown");
            assertEquals(List.of("environment variable PROBER_FRESHNESS_TABLES_TA_QUOTES_MAX_AGE is ignored: prober.freshness.tables.ta_quotes.max-age"
                    + " is set in the YAML file (" + yaml.toUri().toString().replace("file:///", "file:/") + "), which takes precedence"),
                    EnvironmentWarnings.shadowed(variables, config));
        } finally {
            Files.deleteIfExists(yaml);
        }
    }

    /** The known set is derived from the mappings: a mapping added to the code but not to KnownKeys fails here. */
    @Test
    void knownKeysListEveryConfigMapping() throws IOException {
        Set<String> inCode = new TreeSet<>();
        try (Stream<Path> classes = Files.walk(Path.of("target", "classes", "io", "torghut", "prober"))) {
            for (Path file : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = Path.of("target", "classes").relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                    if (type.isAnnotationPresent(ConfigMapping.class)) {
                        inCode.add(type.getName());
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // generated or not loadable here: not a mapping interface
                }
            }
        }
        Set<String> listed = new TreeSet<>(KnownKeys.MAPPINGS.stream().map(Class::getName).toList());
        assertEquals(inCode, listed);
        assertTrue(KnownKeys.paths().contains("prober.http.*.url"), KnownKeys.paths().toString());
    }
}
