package io.torghut.prober.feature.verdict.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The trading session: freshness only counts while it is open; prefix {@code prober.session}. */
@ConfigMapping(prefix = "prober.session")
public interface SessionConfig {
    /** Time zone of the session hours. */
    @WithDefault("America/New_York")
    ZoneId zone();

    /** Session open, local time. */
    @WithDefault("09:30")
    LocalTime open();

    /** Session close, local time. */
    @WithDefault("16:00")
    LocalTime close();

    /** Trading days. */
    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    Set<DayOfWeek> days();

    /**
     * The market calendar (full holidays and early closes): {@code nyse} (built in, NYSE 2026-2028, from NYSE's
     * published calendar), {@code none}, or the path of a file in the same format ({@code date,closed|HH:mm,name} lines,
     * {@code # covers: first-last} header).
     */
    @WithDefault(SessionCalendar.BUILT_IN)
    String calendar();

    /** Dates ({@code yyyy-MM-dd}, in the session zone) without a session, added to the calendar or replacing its entry. */
    Optional<List<LocalDate>> holidays();

    /** Early closes ({@code yyyy-MM-ddTHH:mm}, local time) added to the calendar or replacing its entry. */
    Optional<List<LocalDateTime>> earlyCloses();

    /** Dates removed from the calendar: regular sessions after all. Applied after the additions. */
    Optional<List<LocalDate>> calendarRemove();

    /** Freshness counts at all hours (24/7 markets, rehearsals). */
    @WithDefault("false")
    boolean alwaysOpen();
}
