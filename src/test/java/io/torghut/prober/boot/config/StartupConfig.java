package io.torghut.prober.boot.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import io.torghut.prober.adapter.git.GitOpsConfig;
import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.adapter.kubernetes.KubernetesStartupChecks;
import io.torghut.prober.feature.pause.PauseChecks;
import io.torghut.prober.feature.pause.PauseConfig;
import io.torghut.prober.feature.probe.registry.ProbeChecks;
import io.torghut.prober.feature.target.TargetConfig;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The configuration half of the prober's startup, in process: the real {@code application.properties} (with its
 * {@code ${ENV:default}} expressions) plus overrides, the four {@code @ConfigMapping}s with Quarkus' duration
 * converter and Hibernate Validator (as Quarkus builds them), then the checks the beans run when they are created
 * (the probes of every kind, the policy and session, the Kubernetes checks and log signatures, the pause checks).
 */
public final class StartupConfig {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private StartupConfig() {
    }

    /** Empty when startup would get past configuration; otherwise the message startup fails with. */
    public static Optional<String> problem(Map<String, String> overrides) {
        try {
            SmallRyeConfig config = build(overrides);
            ProbeChecks.startup(config, new HttpFetcher());
            KubernetesStartupChecks.check(config.getConfigMapping(KubernetesConfig.class));
            PauseChecks.check(config.getConfigMapping(PauseConfig.class), config.getConfigMapping(GitOpsConfig.class),
                    config.getConfigMapping(TargetConfig.class));
            return Optional.empty();
        } catch (RuntimeException e) {
            StringBuilder message = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                message.append(t.getMessage()).append('\n');
            }
            return Optional.of(message.toString());
        }
    }

    public static SmallRyeConfig build(Map<String, String> overrides) {
        URL properties = StartupConfig.class.getClassLoader().getResource("application.properties");
        try {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withSources(new PropertiesConfigSource(properties, 250))
                    .withSources(new PropertiesConfigSource(overrides, "test-overrides", 400))
                    .withValidator((BeanValidationConfigValidator) () -> VALIDATOR);
            KnownKeys.MAPPINGS.forEach(builder::withMapping);
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
