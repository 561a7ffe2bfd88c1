package io.torghut.prober.feature.verdict.session;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.testsupport.ProberKeys;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A session calendar that is closed now whatever the date: a non-default zone, and trading days that leave out today
 * and tomorrow in that zone (so a test that crosses midnight still sees it closed). Holidays are fixed dates the test
 * checks by instant. Every dependency is unreachable and Kubernetes is off: only the calendar matters here.
 */
public class ClosedSessionResource implements QuarkusTestResourceLifecycleManager {
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static volatile Set<DayOfWeek> days;
    /** A date on a configured trading day (so that only the holiday closes it), and a second one. */
    static volatile List<LocalDate> holidays;

    @Override
    public Map<String, String> start() {
        DayOfWeek today = LocalDate.now(ZONE).getDayOfWeek();
        Set<DayOfWeek> open = EnumSet.allOf(DayOfWeek.class);
        open.remove(today);
        open.remove(today.plus(1));
        days = open;
        LocalDate holiday = LocalDate.of(2027, 3, 1);
        while (!open.contains(holiday.getDayOfWeek())) {
            holiday = holiday.plusDays(1);
        }
        holidays = List.of(holiday, LocalDate.of(2027, 12, 31));
        return ProberKeys.prober()
                .set("prober.session.always-open", "false")
                .set("prober.session.zone", ZONE.getId())
                .set("prober.session.open", "09:00")
                .set("prober.session.close", "15:00")
                .set("prober.session.days", open.stream().map(DayOfWeek::name).collect(Collectors.joining(",")))
                .set("prober.session.holidays", holidays.stream().map(LocalDate::toString).collect(Collectors.joining(",")))
                .evaluateEvery("1s")
                .schedule("prober.freshness", "1s", "1s")
                .kubernetesOff()
                .torghutAndClickHouseUnreachable()
                .build();
    }

    @Override
    public void stop() {
        // nothing started
    }
}
