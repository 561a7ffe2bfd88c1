package io.torghut.prober.feature.verdict.session;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a calendar data file: {@code date,closed|HH:mm,name} lines and {@code # key: value} header lines
 * ({@code source}, {@code as-of}, {@code covers: 2026-2028}). Errors name the line, so that an operator's own file
 * fails startup with something to fix.
 */
public final class CalendarFile {
    private static final Pattern HEADER = Pattern.compile("#\\s*(source|as-of|covers):\\s*(.*)");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})-(\\d{4})");

    private CalendarFile() {
    }

    public static MarketCalendar parse(String name, String text) {
        Map<LocalDate, MarketCalendar.SpecialDay> days = new TreeMap<>();
        String source = "";
        String asOf = "";
        Optional<Integer> first = Optional.empty();
        Optional<Integer> last = Optional.empty();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                String value = header.group(2).strip();
                switch (header.group(1)) {
                    case "source" -> source = value;
                    case "as-of" -> asOf = value;
                    default -> {
                        Matcher years = YEARS.matcher(value);
                        if (!years.matches() || Integer.parseInt(years.group(1)) > Integer.parseInt(years.group(2))) {
                            throw problem(name, i, "covers must be first-last years, like 2026-2028");
                        }
                        first = Optional.of(Integer.parseInt(years.group(1)));
                        last = Optional.of(Integer.parseInt(years.group(2)));
                    }
                }
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                String[] fields = line.split(",", 3);
                if (fields.length < 2) {
                    throw problem(name, i, "expected date,closed|HH:mm,name");
                }
                LocalDate date = parseDate(name, i, fields[0].strip());
                String label = fields.length == 3 ? fields[2].strip() : "";
                String kind = fields[1].strip();
                MarketCalendar.SpecialDay day = "closed".equals(kind) ? MarketCalendar.SpecialDay.closed(label)
                        : MarketCalendar.SpecialDay.closingAt(parseTime(name, i, kind), label);
                if (days.put(date, day) != null) {
                    throw problem(name, i, date + " is listed twice");
                }
            }
        }
        if (first.isPresent()) {
            int from = first.get();
            int to = last.get();
            days.keySet().stream().filter(d -> d.getYear() < from || d.getYear() > to).findFirst().ifPresent(d -> {
                throw new IllegalArgumentException(name + ": " + d + " lies outside the covered years " + from + "-" + to);
            });
        }
        String origin = source.isEmpty() ? name : source + (asOf.isEmpty() ? "" : " (as of " + asOf + ")");
        return new MarketCalendar(name, origin, days, first, last);
    }

    private static LocalDate parseDate(String name, int line, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(name, line, "'" + text + "' is not a yyyy-MM-dd date");
        }
    }

    private static LocalTime parseTime(String name, int line, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(name, line, "'" + text + "' is neither 'closed' nor an HH:mm early close");
        }
    }

    private static IllegalArgumentException problem(String name, int index, String what) {
        return new IllegalArgumentException(name + " line " + (index + 1) + ": " + what);
    }
}
