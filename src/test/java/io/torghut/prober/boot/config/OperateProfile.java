package io.torghut.prober.boot.config;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One running app for the operate tests (dashboard queries, session configuration): Kubernetes reads on (against
 * the fabric8 mock server), fast probe intervals against nothing reachable, and a session configured the way an
 * operator would: an own calendar file that ends in 2025, open every day in UTC, with today and tomorrow (UTC) added
 * as holidays. The session must therefore be closed, and /diagnose must warn that the calendar ran out.
 */
public class OperateProfile implements QuarkusTestProfile {
    /** An operator's calendar file whose coverage ended before this test can run. */
    public static final Path CALENDAR = writeCalendar();

    private static Path writeCalendar() {
        try {
            Path file = Files.createTempFile("operate-calendar", ".csv");
            Files.writeString(file, "# source: test calendar\n# as-of: 2025-01-01\n# covers: 2024-2025\n2025-12-25,closed,Christmas\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Map.ofEntries(
                Map.entry("prober.kubernetes.enabled", "true"),
                Map.entry("prober.kubernetes.interval", "1s"),
                Map.entry("prober.pause.leader.enabled", "false"),
                Map.entry("prober.torghut.url", "http://127.0.0.1:9"),
                Map.entry("prober.clickhouse.url", "http://127.0.0.1:9"),
                Map.entry("prober.torghut.healthz.interval", "1s"),
                Map.entry("prober.torghut.trading-health.interval", "1s"),
                Map.entry("prober.clickhouse.interval", "1s"),
                Map.entry("prober.freshness.interval", "1s"),
                Map.entry("prober.postgres.interval", "1s"),
                Map.entry("prober.session.calendar", CALENDAR.toString()),
                Map.entry("prober.session.zone", "UTC"),
                Map.entry("prober.session.open", "00:00"),
                Map.entry("prober.session.close", "23:59:59"),
                Map.entry("prober.session.days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"),
                Map.entry("prober.session.holidays", today + "," + today.plusDays(1)));
    }
}
