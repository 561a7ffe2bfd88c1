package io.torghut.prober.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The trading-session calendar: regular hours on trading days in one zone, minus holidays. Freshness only matters
 * while the session is open; without this every night and weekend would page oncall.
 */
public record TradingSession(ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> days,
                             Set<LocalDate> holidays, boolean alwaysOpen) {

    public TradingSession {
        days = Set.copyOf(days);
        holidays = Set.copyOf(holidays);
        if (!alwaysOpen && !open.isBefore(close)) {
            throw new IllegalArgumentException("session open " + open + " must be before close " + close);
        }
    }

    /** The US equities regular session: 09:30-16:00 America/New_York, Monday to Friday. */
    public static TradingSession usEquities(Set<LocalDate> holidays) {
        return new TradingSession(ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                holidays, false);
    }

    /** Open from {@code open} (inclusive) to {@code close} (exclusive), local time in the session zone. */
    public boolean isOpen(Instant instant) {
        if (alwaysOpen) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        if (!days.contains(local.getDayOfWeek()) || holidays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(open) && time.isBefore(close);
    }

    public String describe() {
        return alwaysOpen ? "always open" : open + "-" + close + " " + zone + " " + days.size() + " days/week, " + holidays.size() + " holidays";
    }
}
