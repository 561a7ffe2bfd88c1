package io.torghut.prober.feature.verdict.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.verdict.session.SessionConfig;
import io.torghut.prober.feature.probe.TestConfig;
import io.torghut.prober.shared.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in NYSE calendar as the default session, and the keys that add, replace and remove its entries. */
class SessionCalendarTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static SessionConfig session(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("zone", NEW_YORK, "open", LocalTime.of(9, 30), "close", LocalTime.of(16, 0),
                "days", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "calendar", SessionCalendar.BUILT_IN,
                "holidays", Optional.empty(), "earlyCloses", Optional.empty(), "calendarRemove", Optional.empty(), "alwaysOpen", false));
        values.putAll(overrides);
        return TestConfig.fake(SessionConfig.class, values);
    }

    private static final TradingSession DEFAULT = SessionCalendar.session(session(Map.of()));

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            // Thanksgiving week 2026, EST (UTC-5): 09:30 = 14:30Z, 13:00 = 18:00Z, 16:00 = 21:00Z
            "2026-11-25T20:59:59Z, true,  Wednesday before Thanksgiving: a full session",
            "2026-11-26T15:00:00Z, false, Thanksgiving 2026-11-26: closed",
            "2026-11-26T20:00:00Z, false, Thanksgiving afternoon",
            "2026-11-27T14:29:59Z, false, day after Thanksgiving: before the open",
            "2026-11-27T14:30:00Z, true,  day after Thanksgiving: open",
            "2026-11-27T17:59:59Z, true,  day after Thanksgiving: 12:59:59 New York",
            "2026-11-27T18:00:00Z, false, day after Thanksgiving: closes at 13:00 New York",
            "2026-11-27T20:00:00Z, false, day after Thanksgiving: 15:00, a regular day would still trade",
            // Christmas 2026 and 2027
            "2026-12-24T17:59:59Z, true,  Christmas Eve 2026: 12:59:59",
            "2026-12-24T18:00:00Z, false, Christmas Eve 2026: closes at 13:00",
            "2026-12-25T15:00:00Z, false, Christmas Day 2026",
            "2027-12-24T15:00:00Z, false, Christmas 2027 observed on Friday the 24th",
            "2027-12-31T20:00:00Z, true,  New Year's Eve 2027: Jan 1 2028 is a Saturday and not observed",
            // Juneteenth, EDT (UTC-4): 09:30 = 13:30Z
            "2026-06-19T15:00:00Z, false, Juneteenth 2026 (Friday)",
            "2027-06-18T15:00:00Z, false, Juneteenth 2027 observed on Friday the 18th",
            "2028-06-19T15:00:00Z, false, Juneteenth 2028 (Monday)",
            "2026-06-18T15:00:00Z, true,  the day before Juneteenth 2026",
            // Independence Day 2028: early close the day before, at 13:00 EDT = 17:00Z
            "2028-07-03T16:59:59Z, true,  2028-07-03 12:59:59 EDT",
            "2028-07-03T17:00:00Z, false, 2028-07-03 13:00 EDT",
            "2028-07-04T15:00:00Z, false, Independence Day 2028",
            // the DST weekends: Friday in EST, Monday in EDT (and back in November)
            "2026-03-06T20:59:59Z, true,  Friday 2026-03-06 15:59:59 EST",
            "2026-03-07T15:00:00Z, false, Saturday",
            "2026-03-08T15:00:00Z, false, Sunday 2026-03-08: DST starts",
            "2026-03-09T13:30:00Z, true,  Monday 2026-03-09 09:30 EDT",
            "2026-03-09T20:00:00Z, false, Monday 2026-03-09 16:00 EDT",
            "2026-10-30T19:59:59Z, true,  Friday 2026-10-30 15:59:59 EDT",
            "2026-11-01T15:00:00Z, false, Sunday 2026-11-01: DST ends",
            "2026-11-02T14:29:59Z, false, Monday 2026-11-02 09:29:59 EST",
            "2026-11-02T14:30:00Z, true,  Monday 2026-11-02 09:30 EST",
            // Good Friday moves with Easter
            "2026-04-03T15:00:00Z, false, Good Friday 2026",
            "2027-03-26T15:00:00Z, false, Good Friday 2027",
            "2028-04-14T15:00:00Z, false, Good Friday 2028",
    })
    void theBuiltInNyseCalendarIsTheDefault(Instant at, boolean open, String why) {
        assertEquals(open, DEFAULT.isOpen(at), why);
    }

    @Test
    void theBuiltInFileNamesItsSourceAndYears() {
        MarketCalendar nyse = DEFAULT.calendar();
        assertEquals("NYSE", nyse.name());
        assertTrue(nyse.source().contains("NYSE Group") && nyse.source().contains("as of 2025-12-23"), nyse.source());
        assertEquals(Optional.of(2026), nyse.firstYear());
        assertEquals(Optional.of(2028), nyse.lastYear());
        // 10 holidays in 2026 and 2027 each, 9 in 2028 (no New Year's Day); early closes 2 + 1 + 2
        assertEquals(29, nyse.holidays());
        assertEquals(5, nyse.earlyCloses());
    }

    @Test
    void keysAddReplaceAndRemoveEntries() {
        TradingSession custom = SessionCalendar.session(session(Map.of(
                "holidays", Optional.of(List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 24))),
                "earlyCloses", Optional.of(List.of(LocalDateTime.of(2026, 12, 30, 12, 0), LocalDateTime.of(2026, 11, 26, 13, 0))),
                "calendarRemove", Optional.of(List.of(LocalDate.of(2026, 7, 3))))));
        assertFalse(custom.isOpen(Instant.parse("2026-12-31T15:00:00Z")), "added holiday");
        assertFalse(custom.isOpen(Instant.parse("2026-12-24T15:00:00Z")), "Christmas Eve's early close replaced by a full holiday");
        assertTrue(custom.isOpen(Instant.parse("2026-12-30T16:59:59Z")), "added early close: 11:59:59");
        assertFalse(custom.isOpen(Instant.parse("2026-12-30T17:00:00Z")), "added early close: 12:00");
        assertTrue(custom.isOpen(Instant.parse("2026-11-26T17:59:59Z")), "Thanksgiving replaced by an early close");
        assertFalse(custom.isOpen(Instant.parse("2026-11-26T18:00:00Z")), "Thanksgiving replaced by an early close");
        assertTrue(custom.isOpen(Instant.parse("2026-07-03T15:00:00Z")), "removed holiday: a regular session");
        assertTrue(DEFAULT.isOpen(Instant.parse("2026-12-31T15:00:00Z")), "the default calendar is unchanged");
    }

    @Test
    void afterTheLastListedYearItWarns() {
        assertEquals(Optional.empty(), DEFAULT.calendarWarning(Instant.parse("2028-12-31T23:00:00Z")));
        Optional<String> warning = DEFAULT.calendarWarning(Instant.parse("2029-01-02T15:00:00Z"));
        assertTrue(warning.isPresent());
        assertEquals("the NYSE calendar lists 2026-2028 only: holidays and early closes in 2029 are unknown, so freshness "
                + "counts on them; set prober.session.calendar to a newer file or list them in prober.session.holidays / "
                + "prober.session.early-closes", warning.get());
        TradingSession none = SessionCalendar.session(session(Map.of("calendar", "none")));
        assertEquals(Optional.empty(), none.calendarWarning(Instant.parse("2029-01-02T15:00:00Z")), "no calendar, no claim");
        assertTrue(none.isOpen(Instant.parse("2026-11-26T15:00:00Z")), "without a calendar Thanksgiving is a trading day");
    }

    @Test
    void anOperatorsFileReplacesTheBuiltInOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nyse-2029.csv");
        Files.writeString(file, "# source: our own list\n# as-of: 2028-12-01\n# covers: 2029-2029\n2029-01-01,closed,New Year\n"
                + "2029-11-23,13:00,Day after Thanksgiving\n");
        TradingSession session = SessionCalendar.session(session(Map.of("calendar", file.toString())));
        assertFalse(session.isOpen(Instant.parse("2029-01-01T15:00:00Z")));
        assertFalse(session.isOpen(Instant.parse("2029-11-23T18:00:00Z")));
        assertTrue(session.isOpen(Instant.parse("2026-11-26T15:00:00Z")), "the built-in list is not merged in");
        assertEquals(Optional.empty(), session.calendarWarning(Instant.parse("2029-06-01T15:00:00Z")));
        assertEquals("our own list (as of 2028-12-01)", session.calendar().source());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = "=>", value = {
            "2026-13-01,closed,x                  => prober.session.calendar: must be nyse, none or a readable calendar file: bad.csv line 2: '2026-13-01' is not a yyyy-MM-dd date",
            "2026-01-02,1pm,x                     => prober.session.calendar: must be nyse, none or a readable calendar file: bad.csv line 2: '1pm' is neither 'closed' nor an HH:mm early close",
            "2026-01-02                           => prober.session.calendar: must be nyse, none or a readable calendar file: bad.csv line 2: expected date,closed|HH:mm,name",
            "2030-01-02,closed,x                  => prober.session.calendar: must be nyse, none or a readable calendar file: bad.csv: 2030-01-02 lies outside the covered years 2026-2026",
    })
    void aBrokenFileStopsStartupNamingTheKeyAndTheLine(String line, String message, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "# covers: 2026-2026\n" + line + "\n");
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> SessionCalendar.session(session(Map.of("calendar", file.toString()))));
        assertEquals("invalid configuration " + message, problem.getMessage());
    }

    @Test
    void aMissingFileOrAnEarlyCloseOutsideTheSessionIsRefused() {
        ConfigProblem missing = assertThrows(ConfigProblem.class,
                () -> SessionCalendar.session(session(Map.of("calendar", "/nonexistent/calendar.csv"))));
        assertEquals("invalid configuration prober.session.calendar: must be nyse, none or a readable calendar file: cannot read it "
                + "(NoSuchFileException)", missing.getMessage());
        ConfigProblem late = assertThrows(ConfigProblem.class, () -> SessionCalendar.session(session(Map.of(
                "earlyCloses", Optional.of(List.of(LocalDateTime.of(2026, 12, 30, 17, 0)))))));
        assertEquals("invalid configuration prober.session.early-closes: 2026-12-30T17:00 must close after the open 09:30 and before "
                + "the regular close 16:00", late.getMessage());
    }
}
