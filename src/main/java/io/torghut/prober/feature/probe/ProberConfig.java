package io.torghut.prober.feature.probe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.torghut.prober.feature.verdict.session.SessionCalendar;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the prober reads from configuration, under the prefix {@code prober}.
 * Secrets (passwords, DSN) are only ever handed to the clients that need them and to the {@code Redactor}.
 */
@ConfigMapping(prefix = "prober")
public interface ProberConfig {

    /** The Torghut trading service. */
    @Valid
    Torghut torghut();

    /** ClickHouse, reached over its HTTP interface. */
    @Valid
    ClickHouse clickhouse();

    /** Freshness of the technical-analysis tables in ClickHouse. */
    @Valid
    Freshness freshness();

    /** The CloudNativePG Postgres cluster. */
    @Valid
    Postgres postgres();

    /** How results become verdicts. */
    @Valid
    Policy policy();

    /** The trading-session calendar: freshness only counts while the session is open. */
    @Valid
    Session session();

    /** The runner that executes probes. */
    @Valid
    Scheduler scheduler();

    /** Extra HTTP targets, {@code prober.http.<name>.url}; each becomes a probe and signal named {@code <name>}. */
    Map<@Pattern(regexp = NAME_PATTERN, message = "must be lower-case letters, digits, '-' or '_'") String, @Valid HttpTarget> http();

    String NAME_PATTERN = "[a-z][a-z0-9_-]{0,62}";

    /** A probe's cadence. */
    interface Schedule {
        /** How often the probe runs. Default depends on the probe. */
        Duration interval();

        /** Hard limit for one run; a run that takes longer is recorded as {@code timeout}. */
        Duration timeout();
    }

    interface Torghut {
        /** Base URL of Torghut; env {@code TORGHUT_URL}. Default {@code http://torghut.torghut.svc.cluster.local}. */
        @Pattern(regexp = "https?://.+", message = "must be an http:// or https:// URL")
        String url();

        /** {@code GET /healthz}. Default every 10s, timeout 3s. */
        @Valid
        ProbeSchedule healthz();

        /** {@code GET /trading/health}. Default every 10s, timeout 3s. */
        @Valid
        @WithName("trading-health")
        ProbeSchedule tradingHealth();
    }

    interface ProbeSchedule extends Schedule {
        @Override
        @WithDefault("10s")
        Duration interval();

        @Override
        @WithDefault("3s")
        Duration timeout();
    }

    interface ClickHouse extends Schedule {
        /** ClickHouse HTTP URL, or {@code jdbc:clickhouse://host:port/db}; env {@code TA_CLICKHOUSE_URL}. */
        @NotBlank
        String url();

        /** User; env {@code TA_CLICKHOUSE_USERNAME}. Default {@code default}. */
        @WithDefault("default")
        String username();

        /** Password; env {@code TA_CLICKHOUSE_PASSWORD}. Never logged. */
        Optional<String> password();

        /** Default 10s. */
        @Override
        @WithDefault("10s")
        Duration interval();

        /** Default 3s. */
        @Override
        @WithDefault("3s")
        Duration timeout();
    }

    interface Freshness extends Schedule {
        /** Default 15s. */
        @Override
        @WithDefault("15s")
        Duration interval();

        /** Default 5s. */
        @Override
        @WithDefault("5s")
        Duration timeout();

        /** One entry per table, keyed by signal name. Defaults: {@code ta_signals}, {@code ta_microbars}. */
        Map<@Pattern(regexp = NAME_PATTERN, message = "must be lower-case letters, digits, '-' or '_'") String, @Valid Table> tables();
    }

    interface Table {
        /** {@code database.table}; validated as an identifier because it goes into SQL. */
        @Pattern(regexp = IDENTIFIER + "(\\." + IDENTIFIER + ")?", message = "must be [database.]table made of letters, digits and '_'")
        String table();

        /** Timestamp column whose newest value is the data's age. Default {@code event_ts}. */
        @WithDefault("event_ts")
        @Pattern(regexp = IDENTIFIER, message = "must be a column name made of letters, digits and '_'")
        String column();

        /** Age above which the signal is stale during the session. Default 5 minutes. */
        @WithName("max-age")
        @WithDefault("5m")
        Duration maxAge();
    }

    String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,127}";

    interface Postgres extends Schedule {
        /** libpq URI, key=value DSN or jdbc:postgresql: URL; env {@code DB_DSN}. Never logged. */
        Optional<String> dsn();

        /** Default 10s. */
        @Override
        @WithDefault("10s")
        Duration interval();

        /** Default 5s. */
        @Override
        @WithDefault("5s")
        Duration timeout();
    }

    interface Policy {
        /** Consecutive failures before a signal turns bad. Default 2. */
        @WithName("failures-to-bad")
        @WithDefault("2")
        @Min(1) @Max(100)
        int failuresToBad();

        /** Consecutive successes before a bad signal turns good again. Default 2. */
        @WithName("successes-to-good")
        @WithDefault("2")
        @Min(1) @Max(100)
        int successesToGood();

        /** How often the verdict is re-evaluated even without new results (ages grow, sessions open). Default 1s. */
        @WithName("evaluate-every")
        @WithDefault("1s")
        Duration evaluateEvery();
    }

    interface Session {
        /** Time zone of the session hours. Default {@code America/New_York}. */
        @WithDefault("America/New_York")
        ZoneId zone();

        /** Session open, local time. Default 09:30. */
        @WithDefault("09:30")
        LocalTime open();

        /** Session close, local time. Default 16:00. */
        @WithDefault("16:00")
        LocalTime close();

        /** Trading days. Default Monday to Friday. */
        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> days();

        /**
         * The market calendar (full holidays and early closes): {@code nyse} (built in, NYSE 2026-2028, from NYSE's
         * published calendar), {@code none}, or the path of a file in the same format
         * ({@code date,closed|HH:mm,name} lines, {@code # covers: first-last} header). Default {@code nyse}.
         */
        @WithDefault(SessionCalendar.BUILT_IN)
        String calendar();

        /** Dates (yyyy-MM-dd, in the session zone) with no session, added to the calendar or replacing its entry. Default none. */
        Optional<List<LocalDate>> holidays();

        /**
         * Early closes ({@code yyyy-MM-ddTHH:mm}, local time in the session zone) added to the calendar or replacing
         * its entry. Default none.
         */
        @WithName("early-closes")
        Optional<List<LocalDateTime>> earlyCloses();

        /** Dates removed from the calendar: regular sessions after all. Applied after the additions. Default none. */
        @WithName("calendar-remove")
        Optional<List<LocalDate>> calendarRemove();

        /** When true freshness counts at all hours (24/7 markets, rehearsals). Default false. */
        @WithName("always-open")
        @WithDefault("false")
        boolean alwaysOpen();
    }

    interface Scheduler {
        /** Most probes running at once; further runs wait (and may then time out). Default 32. */
        @WithName("max-concurrency")
        @WithDefault("32")
        @Min(1) @Max(4096)
        int maxConcurrency();
    }

    interface HttpTarget extends Schedule {
        /** The URL to GET. */
        @Pattern(regexp = "https?://.+", message = "must be an http:// or https:// URL")
        String url();

        /** Default 10s. */
        @Override
        @WithDefault("10s")
        Duration interval();

        /** Default 3s. */
        @Override
        @WithDefault("3s")
        Duration timeout();

        /** Expected status; when absent any 2xx is good. */
        @WithName("expected-status")
        Optional<@Min(100) @Max(599) Integer> expectedStatus();
    }
}
