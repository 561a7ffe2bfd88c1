package io.torghut.prober.feature.verdict.session;

import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.verdict.SignalAssessment;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictTracker;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/**
 * The trading calendar in a running app (every other app test sets {@code always-open=true}): zone, hours, days and
 * holidays reach the policy from configuration, and while the session is closed stale data neither counts nor is
 * exported as stale, and {@code torghut_prober_trading_session_open} says 0.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(ClosedSessionResource.class)
class ClosedSessionAppTest {
    @Inject
    VerdictTracker verdicts;

    @Test
    void theConfiguredCalendarReachesThePolicy() {
        TradingSession session = verdicts.session();
        // Field by field: the market calendar (NYSE by default) stays under the configured holidays, which add to it.
        assertEquals(ClosedSessionResource.ZONE, session.zone());
        assertEquals(LocalTime.of(9, 0), session.open());
        assertEquals(LocalTime.of(15, 0), session.close());
        assertEquals(ClosedSessionResource.days, session.days());
        assertTrue(session.calendar().days().keySet().containsAll(new HashSet<>(ClosedSessionResource.holidays)),
                session.calendar()::toString);
        assertFalse(session.alwaysOpen());
        DayOfWeek tradingDay = ClosedSessionResource.days.iterator().next();
        ZonedDateTime tenInTokyo = LocalDate.of(2027, 2, 1).with(TemporalAdjusters.nextOrSame(tradingDay))
                .atTime(10, 0).atZone(ClosedSessionResource.ZONE);
        assertTrue(session.isOpen(tenInTokyo.toInstant()), "10:00 in Tokyo on a configured day");
        assertFalse(session.isOpen(tenInTokyo.withHour(16).toInstant()), "after the configured close");
        assertFalse(session.isOpen(tenInTokyo.withZoneSameLocal(ZoneId.of("America/New_York")).toInstant()),
                "10:00 in New York is midnight in Tokyo: the configured zone counts, not the default");
        ZonedDateTime onHoliday = ClosedSessionResource.holidays.get(0).atTime(10, 0).atZone(ClosedSessionResource.ZONE);
        assertFalse(session.isOpen(onHoliday.toInstant()), "a configured holiday is closed");
        assertTrue(session.isOpen(onHoliday.plusWeeks(1).toInstant()), "the same weekday without a holiday is open");
        DayOfWeek excluded = LocalDate.now(ClosedSessionResource.ZONE).getDayOfWeek();
        ZonedDateTime onExcludedDay = LocalDate.of(2027, 2, 1).with(TemporalAdjusters.nextOrSame(excluded)).atTime(10, 0)
                .atZone(ClosedSessionResource.ZONE);
        assertFalse(ClosedSessionResource.days.contains(excluded));
        assertFalse(session.isOpen(onExcludedDay.toInstant()), "a day left out of prober.session.days is closed");
    }

    @Test
    void closedNowExportsSessionClosedAndStaleDataDoesNotCount() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String metrics = management().get("/q/metrics").asString();
            assertTrue(metrics.contains("torghut_prober_trading_session_open 0.0"), metrics);
            Verdict verdict = verdicts.current();
            assertFalse(verdict.sessionOpen());
            SignalAssessment signals = verdict.signal("ta_signals").orElseThrow();
            assertEquals(Health.BAD, signals.health(), "the freshness query fails: ClickHouse is unreachable");
            assertFalse(signals.counts(), "outside the session freshness does not count");
            assertFalse(signals.stale());
            assertTrue(metrics.contains("torghut_prober_signal_stale{signal=\"ta_signals\"} 0.0"), metrics);
        });
        given().accept("application/json").get("/diagnose").then().statusCode(200);
    }
}
