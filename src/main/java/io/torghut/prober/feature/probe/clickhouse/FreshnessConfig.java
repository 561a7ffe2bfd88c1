package io.torghut.prober.feature.probe.clickhouse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.torghut.prober.feature.probe.ProbeSpec;
import io.torghut.prober.feature.probe.Schedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;

/**
 * The freshness of the technical-analysis tables in ClickHouse; prefix {@code prober.freshness}. Each table is a probe
 * and a signal; application.properties declares {@code ta_signals} ({@code torghut.ta_signals}) and
 * {@code ta_microbars} ({@code torghut.ta_microbars}).
 */
@ConfigMapping(prefix = "prober.freshness")
public interface FreshnessConfig extends Schedule {
    /** How often each table's age is read; whole seconds, at least 1s (ADR-2). */
    @Override
    @WithDefault("15s")
    Duration interval();

    /** Hard limit for one read; a read that takes longer is recorded as {@code timeout}. */
    @Override
    @WithDefault("5s")
    Duration timeout();

    /** The tables, by signal name. */
    Map<@Pattern(regexp = ProbeSpec.NAME_PATTERN, message = ProbeSpec.NAME_MESSAGE) String, @Valid Table> tables();

    /** One table whose newest row is measured. */
    interface Table {
        /** {@code [database.]table}; checked as identifiers because it goes into SQL. Required. */
        @Pattern(regexp = IDENTIFIER + "(\\." + IDENTIFIER + ")?", message = "must be [database.]table made of letters, digits and '_'")
        String table();

        /** The timestamp column ({@code DateTime} or {@code DateTime64}) whose newest value is the data's age. */
        @WithDefault("event_ts")
        @Pattern(regexp = IDENTIFIER, message = "must be a column name made of letters, digits and '_'")
        String column();

        /** Above this age the signal is stale during the trading session. */
        @WithDefault("5m")
        Duration maxAge();
    }

    /** A ClickHouse identifier as the prober accepts it in SQL. */
    String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,127}";
}
