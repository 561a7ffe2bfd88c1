package io.torghut.prober.feature.verdict.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingSessionTest {
    /** 2026-07-03 is the observed Independence Day (July 4 is a Saturday); 2026-11-26 is Thanksgiving. */
    private static final TradingSession US = TradingSession.usEquities(Set.of(LocalDate.of(2026, 7, 3), LocalDate.of(2026, 11, 26)));

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            // Friday 2026-03-06, EST (UTC-5): 09:30 local = 14:30Z, 16:00 local = 21:00Z
            "2026-03-06T14:29:59Z, false, one second before the open",
            "2026-03-06T14:30:00Z, true,  open is inclusive",
            "2026-03-06T18:00:00Z, true,  midday",
            "2026-03-06T20:59:59Z, true,  last second",
            "2026-03-06T21:00:00Z, false, close is exclusive",
            // the weekend in between
            "2026-03-07T15:00:00Z, false, Saturday",
            "2026-03-08T15:00:00Z, false, Sunday (DST starts at 02:00 local)",
            // Monday 2026-03-09, EDT (UTC-4): 09:30 local = 13:30Z, 16:00 local = 20:00Z
            "2026-03-09T13:29:59Z, false, EDT: one second before the open",
            "2026-03-09T13:30:00Z, true,  EDT: open (would be 08:30 at a fixed -05:00)",
            "2026-03-09T19:59:59Z, true,  EDT: last second",
            "2026-03-09T20:00:00Z, false, EDT: close",
            "2026-03-09T20:30:00Z, false, EDT: after close (would be 15:30 at a fixed -05:00)",
            // Friday 2026-10-30, still EDT
            "2026-10-30T13:30:00Z, true,  EDT in the fall",
            "2026-10-30T20:00:00Z, false, EDT close in the fall",
            // Monday 2026-11-02, EST again (DST ended Sunday 2026-11-01)
            "2026-11-02T13:30:00Z, false, EST: 08:30 local",
            "2026-11-02T14:29:59Z, false, EST: one second before the open",
            "2026-11-02T14:30:00Z, true,  EST: open",
            "2026-11-02T20:30:00Z, true,  EST: 15:30 local",
            "2026-11-02T21:00:00Z, false, EST: close",
            "2026-11-01T15:00:00Z, false, Sunday DST ends",
            // holidays
            "2026-07-03T15:00:00Z, false, observed Independence Day",
            "2026-07-02T15:00:00Z, true,  the Thursday before",
            "2026-11-26T15:00:00Z, false, Thanksgiving",
            "2026-11-27T15:00:00Z, true,  the Friday after",
    })
    void usEquitiesRegularSession(Instant at, boolean open, String why) {
        assertEquals(open, US.isOpen(at), why);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            // Tokyo, 09:00-15:00 JST (UTC+9, no DST) = 00:00-06:00Z, Monday-Friday
            "2026-03-09T00:00:00Z, true,  Monday 09:00 JST",
            "2026-03-08T23:59:59Z, false, Monday 08:59:59 JST (still Sunday in UTC)",
            "2026-03-09T06:00:00Z, false, Monday 15:00 JST",
            "2026-03-13T05:59:59Z, true,  Friday 14:59:59 JST",
            "2026-03-14T01:00:00Z, false, Saturday",
    })
    void customZoneAndHours(Instant at, boolean open, String why) {
        TradingSession tokyo = new TradingSession(ZoneId.of("Asia/Tokyo"), LocalTime.of(9, 0), LocalTime.of(15, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), false);
        assertEquals(open, tokyo.isOpen(at), why);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            "2026-03-09T22:30:00Z, true,  Monday 18:30 EDT",
            // 2026-03-11T01:00Z is Tuesday 2026-03-10 21:00 in New York: the holiday is matched on the local date
            "2026-03-11T01:00:00Z, false, Tuesday evening local (Wednesday in UTC) is the holiday",
            "2026-03-12T01:00:00Z, true,  Wednesday evening local",
            "2026-03-14T22:30:00Z, true,  Saturday is a trading day here",
            "2026-03-15T22:30:00Z, false, Sunday is not",
    })
    void customDaysAndHolidaysUseTheLocalDate(Instant at, boolean open, String why) {
        TradingSession evening = new TradingSession(ZoneId.of("America/New_York"), LocalTime.of(18, 0), LocalTime.of(23, 0),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY),
                Set.of(LocalDate.of(2026, 3, 10)), false);
        assertEquals(open, evening.isOpen(at), why);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-08T07:00:00Z", "2026-07-03T15:00:00Z", "2026-03-07T03:00:00Z", "2026-11-01T06:30:00Z"})
    void alwaysOpenIsOpenAtAnyInstant(Instant at) {
        TradingSession always = new TradingSession(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of(),
                Set.of(LocalDate.of(2026, 7, 3)), true);
        assertTrue(always.isOpen(at));
        assertEquals("always open", always.describe());
    }

    @ParameterizedTest
    @CsvSource({"16:00, 09:30", "09:30, 09:30"})
    void openMustBeBeforeClose(LocalTime open, LocalTime close) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TradingSession(
                ZoneId.of("America/New_York"), open, close, Set.of(DayOfWeek.MONDAY), Set.of(), false));
        assertEquals("session open " + open + " must be before close " + close, e.getMessage());
    }

    @Test
    void describe() {
        assertEquals("09:30-16:00 America/New_York 5 days/week, calendar none: 2 holidays, 0 early closes", US.describe());
    }
}
