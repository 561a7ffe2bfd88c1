package io.torghut.prober.feature.probe.postgres;

import io.torghut.prober.adapter.postgres.PostgresChecker;
import io.torghut.prober.adapter.postgres.PostgresDsn;
import io.torghut.prober.adapter.postgres.PostgresTarget;
import io.torghut.prober.feature.probe.ProbeSpec;
import io.torghut.prober.feature.probe.ScheduleChecks;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.shared.ConfigProblem;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postgres} probe. An invalid DSN stops startup naming the key; a missing one does not: the prober must start
 * with nothing reachable and report the signal as down.
 */
@Singleton
public class PostgresProbes {
    private final PostgresConfig config;

    public PostgresProbes(PostgresConfig config) {
        this.config = config;
    }

    public List<ScheduledProbe> probes() {
        ScheduleChecks.schedule("prober.postgres", config);
        Optional<PostgresTarget> target = Optional.empty();
        if (config.dsn().isPresent()) {
            try {
                target = Optional.of(PostgresDsn.parse(config.dsn().get()));
            } catch (IllegalArgumentException e) {
                throw new ConfigProblem("prober.postgres.dsn (DB_DSN)", e.getMessage());
            }
        }
        return List.of(new ScheduledProbe(ProbeSpec.of("postgres", SignalRole.DEPENDENCY, config), new PostgresProbe(target,
                "DB_DSN is not set (prober.postgres.dsn): Postgres cannot be probed", new PostgresChecker())));
    }
}
