package io.torghut.prober.boot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.torghut.prober.adapter.git.GitOpsConfig;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.feature.pause.PauseConfig;
import io.torghut.prober.feature.probe.SchedulerConfig;
import io.torghut.prober.feature.probe.clickhouse.ClickHouseConfig;
import io.torghut.prober.feature.probe.clickhouse.FreshnessConfig;
import io.torghut.prober.feature.probe.http.HttpTargetsConfig;
import io.torghut.prober.feature.probe.http.TorghutConfig;
import io.torghut.prober.feature.probe.postgres.PostgresConfig;
import io.torghut.prober.feature.signal.PolicyConfig;
import io.torghut.prober.feature.verdict.session.SessionConfig;
import io.torghut.prober.feature.target.TargetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The configuration keys the prober reads, derived from its {@code @ConfigMapping} interfaces (a test checks that
 * every mapping in the code is listed here), as patterns over environment variable names: {@code prober.http.*.url}
 * becomes {@code PROBER_HTTP_[A-Z0-9_]+_URL}.
 */
public final class KnownKeys {
    /** Every {@code @ConfigMapping} of the prober. */
    static final List<Class<?>> MAPPINGS = List.of(TorghutConfig.class, HttpTargetsConfig.class,
            ClickHouseConfig.class, FreshnessConfig.class, PostgresConfig.class, SchedulerConfig.class, PolicyConfig.class,
            SessionConfig.class, KubernetesConfig.class, PauseConfig.class, GitOpsConfig.class, TargetConfig.class, ProberNamespace.class);

    private KnownKeys() {
    }

    /** The mapped property paths, {@code *} standing for a map key and {@code [*]} for a list index. */
    static List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (Class<?> mapping : MAPPINGS) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            paths.addAll(ConfigMappings.getProperties(new ConfigMappings.ConfigClass(mapping, prefix)).keySet());
        }
        return paths;
    }

    /** Environment-variable patterns for the mapped keys. */
    static List<Pattern> environmentPatterns() {
        return paths().stream().map(KnownKeys::environmentPattern).toList();
    }

    static Pattern environmentPattern(String path) {
        StringBuilder regex = new StringBuilder();
        String[] parts = path.replace("[*]", ".[*]").split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append('_');
            }
            String part = parts[i];
            if (part.equals("*")) {
                regex.append("[A-Z0-9_]+");
            } else if (part.equals("[*]")) {
                regex.append("_?[0-9]+_?");
            } else {
                regex.append(Pattern.quote(EnvMapKeys.envForm(part)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
