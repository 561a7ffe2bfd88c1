package io.torghut.prober.feature.verdict.session;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * The trading-session calendar: regular hours on trading days in one zone, minus the market calendar's holidays and
 * with its early closes. Freshness only matters while the session is open; without this every night, weekend and
 * holiday would page oncall (and in trigger mode commit a pause a human must revert).
 */
public record TradingSession(ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> days,
                             MarketCalendar calendar, boolean alwaysOpen) {

    public TradingSession {
        days = Set.copyOf(days);
        if (!alwaysOpen && !open.isBefore(close)) {
            throw new IllegalArgumentException("session open " + open + " must be before close " + close);
        }
    }

    /** A session whose only special days are the given full-day holidays. */
    public TradingSession(ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> days, Set<LocalDate> holidays,
                          boolean alwaysOpen) {
        this(zone, open, close, days, MarketCalendar.none().withHolidays(holidays, "holiday"), alwaysOpen);
    }

    /** The US equities regular session: 09:30-16:00 America/New_York, Monday to Friday. */
    public static TradingSession usEquities(Set<LocalDate> holidays) {
        return new TradingSession(ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                holidays, false);
    }

    /** Open from {@code open} (inclusive) to the day's close (exclusive, early on early-close days), local time. */
    public boolean isOpen(Instant instant) {
        if (alwaysOpen) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        if (!days.contains(local.getDayOfWeek())) {
            return false;
        }
        Optional<MarketCalendar.SpecialDay> special = calendar.on(local.toLocalDate());
        if (special.map(MarketCalendar.SpecialDay::closed).orElse(false)) {
            return false;
        }
        LocalTime closes = special.flatMap(MarketCalendar.SpecialDay::earlyClose).filter(t -> t.isBefore(close)).orElse(close);
        LocalTime time = local.toLocalTime();
        return !time.isBefore(open) && time.isBefore(closes);
    }

    /**
     * A warning when the calendar no longer knows the market's holidays at {@code instant}: from then on a holiday
     * looks like a normal session and stale data on it pages (or pauses). Empty while the calendar covers the date.
     */
    public Optional<String> calendarWarning(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        if (alwaysOpen || calendar.covers(today)) {
            return Optional.empty();
        }
        String years = calendar.lastYear().map(last -> calendar.firstYear().get() + "-" + last).orElse("");
        return Optional.of("the " + calendar.name() + " calendar lists " + years + " only: holidays and early closes in "
                + today.getYear() + " are unknown, so freshness counts on them; set prober.session.calendar to a newer file "
                + "or list them in prober.session.holidays / prober.session.early-closes");
    }

    public String describe() {
        return alwaysOpen ? "always open" : open + "-" + close + " " + zone + " " + days.size() + " days/week, " + calendar.describe();
    }
}
