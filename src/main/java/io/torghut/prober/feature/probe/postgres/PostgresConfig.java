package io.torghut.prober.feature.probe.postgres;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.torghut.prober.feature.probe.DefaultSchedule;
import java.time.Duration;
import java.util.Optional;

/** The CloudNativePG Postgres cluster and the {@code postgres} probe; prefix {@code prober.postgres}. */
@ConfigMapping(prefix = "prober.postgres")
public interface PostgresConfig extends DefaultSchedule {
    /**
     * How to reach it ({@code DB_DSN} is read too): a libpq URI ({@code postgresql://user:pass@host:5432/db?sslmode=require},
     * as in CNPG's {@code <cluster>-app} Secret), a {@code jdbc:postgresql://} URL or a key=value DSN. A secret: never
     * logged. Without it the signal reports {@code config}.
     */
    @WithDefault("${DB_DSN:}")
    Optional<String> dsn();

    /** Hard limit for one connect and query; a run that takes longer is recorded as {@code timeout}. */
    @Override
    @WithDefault("5s")
    Duration timeout();
}
