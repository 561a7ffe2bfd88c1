package io.torghut.prober.boot;

import io.torghut.prober.feature.verdict.session.TradingSession;
import java.time.Clock;
import java.util.Optional;

/**
 * The market calendar's warning as it changes: at startup, and when the calendar runs out while the prober runs (a
 * warning read only at startup would stay silent until the next restart). /diagnose shows it on every request.
 */
final class CalendarWarnings {
    private final TradingSession session;
    private final Clock clock;
    private Optional<String> last = Optional.empty();

    CalendarWarnings(TradingSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /** The warning when it is new (first seen, or changed since the last look), else empty. */
    synchronized Optional<String> check() {
        Optional<String> now = session.calendarWarning(clock.instant());
        Optional<String> news = now.equals(last) ? Optional.empty() : now;
        last = now;
        return news;
    }
}
