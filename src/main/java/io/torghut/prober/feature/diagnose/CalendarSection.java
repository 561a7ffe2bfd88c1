package io.torghut.prober.feature.diagnose;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.feature.verdict.VerdictTracker;
import io.torghut.prober.feature.verdict.session.MarketCalendar;
import io.torghut.prober.feature.verdict.session.TradingSession;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The market calendar in /diagnose: today's special day (why the session closed early or not at all) and a warning
 * once the calendar has run out, because from then on a holiday looks like a trading day with stale data.
 */
@Singleton
public class CalendarSection implements DiagnosisSection {
    private final VerdictTracker verdicts;
    private final Clock clock;

    public CalendarSection(VerdictTracker verdicts, Clock clock) {
        this.verdicts = verdicts;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "calendar";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String title() {
        return "MARKET CALENDAR";
    }

    @Override
    public List<String> textLines() {
        View view = view();
        List<String> lines = new ArrayList<>();
        if (view.warning() != null) {
            lines.add("WARNING: " + view.warning());
        }
        if (view.today() != null) {
            lines.add("today " + view.today());
        }
        return lines;
    }

    @Override
    public Object json() {
        return view();
    }

    private View view() {
        TradingSession session = verdicts.session();
        MarketCalendar calendar = session.calendar();
        Instant now = clock.instant();
        LocalDate date = now.atZone(session.zone()).toLocalDate();
        String today = session.alwaysOpen() ? null : calendar.on(date).map(day -> (day.closed() ? "closed"
                : "early close at " + day.earlyClose().get() + " " + session.zone()) + " (" + day.name() + ")").orElse(null);
        return new View(calendar.name(), calendar.source(), calendar.firstYear().orElse(null), calendar.lastYear().orElse(null),
                today, session.calendarWarning(now).orElse(null));
    }

    /** The JSON form: the calendar, the years it covers, today's special day and the warning (null when none). */
    @RegisterForReflection
    public record View(String calendar, String source, Integer coversFrom, Integer coversThrough, String today, String warning) {
    }
}
