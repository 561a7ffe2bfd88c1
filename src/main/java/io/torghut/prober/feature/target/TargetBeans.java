package io.torghut.prober.feature.target;

import io.torghut.prober.feature.runbook.RunbookNames;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/** Produces the one {@link Target}, logging a warning per old key still in use. */
public class TargetBeans {
    private static final Logger LOG = Logger.getLogger(TargetBeans.class);

    @Produces
    @Singleton
    Target target(TargetConfig config, Config all) {
        TargetResolver.Resolution resolution = TargetResolver.resolve(config, key -> readLegacy(all, key));
        resolution.warnings().forEach(LOG::warn);
        return resolution.target();
    }

    /** The names every printed command uses: every runbook finding, from the cluster or the signals alike. */
    @Produces
    @Singleton
    RunbookNames runbookNames(Target target) {
        return RunbookNames.of(target.namespace(), target.service(), target.cnpgCluster(), target.podContainer(), target.manifestPath());
    }

    private static Optional<String> readLegacy(Config all, String key) {
        try {
            return all.getOptionalValue(key, String.class);
        } catch (RuntimeException unconvertible) {
            return Optional.empty();
        }
    }
}
