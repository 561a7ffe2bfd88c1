package io.torghut.prober.feature.verdict.session;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exchange's special days: full-day holidays and early closes, with the years the list is known to be complete
 * for. Outside those years an unlisted holiday looks like a normal session, which is why {@link #covers} exists.
 *
 * @param name        what the calendar is, for /diagnose (for example {@code NYSE})
 * @param source      where the dates come from and as of when
 * @param days        special days by local date
 * @param firstYear   first year the list is complete for; empty when it claims no coverage
 * @param lastYear    last year the list is complete for; empty when it claims no coverage
 */
public record MarketCalendar(String name, String source, Map<LocalDate, SpecialDay> days,
                             Optional<Integer> firstYear, Optional<Integer> lastYear) {

    public MarketCalendar {
        days = Map.copyOf(days);
        if (firstYear.isPresent() != lastYear.isPresent() || firstYear.isPresent() && firstYear.get() > lastYear.get()) {
            throw new IllegalArgumentException("covered years must be a range first-last");
        }
    }

    /** No special days and no claim to know any: every trading day is a regular session. */
    public static MarketCalendar none() {
        return new MarketCalendar("none", "no calendar", Map.of(), Optional.empty(), Optional.empty());
    }

    public Optional<SpecialDay> on(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    /** True when the list is known to be complete for the date's year, or when it claims nothing at all. */
    public boolean covers(LocalDate date) {
        return lastYear.map(last -> date.getYear() >= firstYear.get() && date.getYear() <= last).orElse(true);
    }

    /** Adds or replaces full-day holidays. */
    public MarketCalendar withHolidays(Collection<LocalDate> dates, String why) {
        Map<LocalDate, SpecialDay> copy = new TreeMap<>(days);
        dates.forEach(d -> copy.put(d, SpecialDay.closed(why)));
        return new MarketCalendar(name, source, copy, firstYear, lastYear);
    }

    /** Adds or replaces early closes. */
    public MarketCalendar withEarlyCloses(Map<LocalDate, LocalTime> closes, String why) {
        Map<LocalDate, SpecialDay> copy = new TreeMap<>(days);
        closes.forEach((d, t) -> copy.put(d, SpecialDay.closingAt(t, why)));
        return new MarketCalendar(name, source, copy, firstYear, lastYear);
    }

    /** Removes entries: those dates become regular sessions again. */
    public MarketCalendar without(Collection<LocalDate> dates) {
        Map<LocalDate, SpecialDay> copy = new TreeMap<>(days);
        dates.forEach(copy::remove);
        return new MarketCalendar(name, source, copy, firstYear, lastYear);
    }

    public long holidays() {
        return days.values().stream().filter(SpecialDay::closed).count();
    }

    public long earlyCloses() {
        return days.size() - holidays();
    }

    public String describe() {
        String years = lastYear.map(last -> " " + firstYear.get() + "-" + last).orElse("");
        return "calendar " + name + years + ": " + holidays() + " holidays, " + earlyCloses() + " early closes";
    }

    /** One special day: closed all day, or closing early at a local time. */
    public record SpecialDay(Optional<LocalTime> earlyClose, String name) {
        public static SpecialDay closed(String name) {
            return new SpecialDay(Optional.empty(), name);
        }

        public static SpecialDay closingAt(LocalTime close, String name) {
            return new SpecialDay(Optional.of(close), name);
        }

        public boolean closed() {
            return earlyClose.isEmpty();
        }
    }
}
