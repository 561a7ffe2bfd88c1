package io.torghut.prober.feature.verdict.session;

import io.torghut.prober.shared.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the trading session from {@code prober.session.*} ({@link SessionConfig}): the chosen calendar (built-in NYSE
 * file, none, or an operator's file), then the configured holidays and early closes, then the removals. Refuses what
 * annotations cannot: an open not before the close, no trading day.
 */
public final class SessionCalendar {
    /** The built-in calendar's name. */
    public static final String BUILT_IN = "nyse";
    static final String BUILT_IN_RESOURCE = "calendars/nyse.csv";

    private SessionCalendar() {
    }

    public static TradingSession session(SessionConfig s) {
        if (!s.alwaysOpen() && !s.open().isBefore(s.close())) {
            throw new ConfigProblem("prober.session.open", "must be before prober.session.close (" + s.close() + ")");
        }
        if (s.days().isEmpty()) {
            throw new ConfigProblem("prober.session.days", "must name at least one day");
        }
        MarketCalendar calendar = calendar(s.calendar());
        calendar = calendar.withHolidays(s.holidays().orElse(List.of()), "prober.session.holidays");
        Map<LocalDate, LocalTime> early = new TreeMap<>();
        for (LocalDateTime at : s.earlyCloses().orElse(List.of())) {
            if (!at.toLocalTime().isAfter(s.open()) || !at.toLocalTime().isBefore(s.close())) {
                throw new ConfigProblem("prober.session.early-closes", at + " must close after the open " + s.open()
                        + " and before the regular close " + s.close());
            }
            early.put(at.toLocalDate(), at.toLocalTime());
        }
        calendar = calendar.withEarlyCloses(early, "prober.session.early-closes").without(s.calendarRemove().orElse(List.of()));
        return new TradingSession(s.zone(), s.open(), s.close(), s.days(), calendar, s.alwaysOpen());
    }

    static MarketCalendar calendar(String choice) {
        if ("none".equals(choice)) {
            return MarketCalendar.none();
        }
        try {
            if (BUILT_IN.equals(choice)) {
                return CalendarFile.parse("NYSE", builtIn());
            }
            Path file = Path.of(choice);
            return CalendarFile.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new ConfigProblem("prober.session.calendar", "must be nyse, none or a readable calendar file: "
                    + (e instanceof IOException ? "cannot read it (" + e.getClass().getSimpleName() + ")" : e.getMessage()));
        }
    }

    private static String builtIn() throws IOException {
        try (InputStream in = SessionCalendar.class.getClassLoader().getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IOException(BUILT_IN_RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
