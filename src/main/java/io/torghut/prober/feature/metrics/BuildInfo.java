package io.torghut.prober.feature.metrics;

import static io.torghut.prober.shared.Contract.METRIC_PREFIX;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code torghut_prober_build_info{version,revision} 1}: which build is running, for dashboards and for joining onto
 * other series ({@code * on() group_left(version) torghut_prober_build_info}). The revision is the git commit the
 * build recorded in {@code build-info/git.properties}; {@code unknown} when built outside a git checkout.
 */
@Singleton
public class BuildInfo {
    static final String RESOURCE = "build-info/git.properties";
    private final MeterRegistry registry;
    private final String version;

    public BuildInfo(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.registry = registry;
        this.version = version;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder(METRIC_PREFIX + "build_info", () -> 1).description("Always 1; the labels say which build is running")
                .tag("version", version).tag("revision", revision()).register(registry);
    }

    static String revision() {
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties git = new Properties();
            git.load(in);
            String commit = git.getProperty("git.commit.id.full", "").strip();
            if (!commit.matches("[0-9a-f]{7,64}")) {
                return "unknown";
            }
            return "true".equals(git.getProperty("git.dirty")) ? commit + "-dirty" : commit;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
