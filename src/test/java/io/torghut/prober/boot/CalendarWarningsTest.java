package io.torghut.prober.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.verdict.session.SessionConfig;
import io.torghut.prober.feature.probe.TestConfig;
import io.torghut.prober.feature.verdict.session.SessionCalendar;
import io.torghut.prober.feature.verdict.session.TradingSession;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The calendar's warning is news once: when it first applies (at startup, or when the calendar runs out while running). */
class CalendarWarningsTest {

    @Test
    void theWarningIsReportedWhenTheCalendarRunsOutAndOnlyOnceAYear() {
        Map<String, Object> values = new HashMap<>(Map.of("zone", ZoneId.of("America/New_York"), "open", LocalTime.of(9, 30),
                "close", LocalTime.of(16, 0), "days", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "calendar", SessionCalendar.BUILT_IN,
                "holidays", Optional.empty(), "earlyCloses", Optional.empty(), "calendarRemove", Optional.empty(), "alwaysOpen", false));
        TradingSession session = SessionCalendar.session(TestConfig.fake(SessionConfig.class, values));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2028-12-31T12:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        CalendarWarnings warnings = new CalendarWarnings(session, clock);
        assertEquals(Optional.empty(), warnings.check(), "2028 is covered");

        now.set(Instant.parse("2029-01-02T15:00:00Z"));
        Optional<String> warning = warnings.check();
        assertTrue(warning.orElseThrow().startsWith("the NYSE calendar lists 2026-2028 only: holidays and early closes in 2029 are unknown"),
                warning.toString());
        now.set(Instant.parse("2029-01-02T16:00:00Z"));
        assertEquals(Optional.empty(), warnings.check(), "the same warning an hour later is no news");

        now.set(Instant.parse("2030-01-02T16:00:00Z"));
        assertTrue(warnings.check().orElseThrow().contains("in 2030 are unknown"), "a new year, a new warning");
    }
}
