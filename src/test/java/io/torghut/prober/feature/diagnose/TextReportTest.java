package io.torghut.prober.feature.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextReportTest {

    private static DiagnosisReport.Signal signal(String name, Double age, Double max) {
        return new DiagnosisReport.Signal(name, "freshness", "OK", true, age, max, "2026-03-09T14:59:40Z",
                "2026-03-09T14:59:40Z", 0.01, "none", "fine", 0, Map.of());
    }

    private static DiagnosisSection section(String title, List<String> lines) {
        return new DiagnosisSection() {
            @Override public String id() { return title; }
            @Override public int order() { return 0; }
            @Override public String title() { return title; }
            @Override public List<String> textLines() { return lines; }
            @Override public Object json() { return lines; }
        };
    }

    /** The next steps are the findings again (JSON only): the text prints the findings' section, never a second list. */
    @Test
    void rendersAFixedReportExactly() {
        DiagnosisReport report = new DiagnosisReport("DEGRADED", "2026-03-09T15:00:00Z", false, "09:30-16:00 America/New_York",
                true, "manifest", List.of("healthz down - connect: refused"),
                List.of(new DiagnosisReport.Signal("healthz", "service", "FAILING", true, null, null, null,
                        "2026-03-09T14:59:58Z", 0.002, "connect", "connection refused by http://torghut", 2, Map.of())),
                List.of(new DiagnosisReport.NextStep("A", "Inspect Knative.", List.of("kubectl -n torghut describe ksvc torghut"),
                        "torghut-unhealthy")), Map.of());
        String expected = """
                VERDICT DEGRADED   at 2026-03-09T15:00:00Z
                session closed (09:30-16:00 America/New_York); trading enabled (manifest)
                  - healthz down - connect: refused

                SIGNAL           ROLE        STATUS                 AGE       LAST SUCCESS             REASON      DETAIL
                healthz          service     FAILING                -         never                    connect     connection refused by http://torghut
                """;
        assertEquals(expected, TextReport.render(report));
    }

    @Test
    void rendersABuiltReportVerdictFirstOneRowPerSignalThenTheSections() {
        DiagnosisReport report = DiagnosisBuilderTest.build(DiagnosisBuilderTest.verdict(),
                "09:30-16:00 America/New_York 5 days/week, 0 holidays", "not read (assumed enabled)");
        String text = TextReport.render(report, List.of(section("KNATIVE", List.of("ksvc/torghut Ready=True")),
                section("EMPTY", List.of())));
        List<String> lines = text.lines().toList();
        assertEquals("VERDICT PAUSE_RECOMMENDED   at 2026-03-09T15:00:00.123Z", lines.get(0));
        assertEquals("session open (09:30-16:00 America/New_York 5 days/week, 0 holidays); trading enabled (not read (assumed enabled))",
                lines.get(1));
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("SIGNAL ")).findFirst().orElseThrow());
        assertEquals(2 + report.reasons().size() + 1, header, text);
        List<String> rows = lines.subList(header + 1, header + 1 + report.signals().size());
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(rows.get(i).startsWith(report.signals().get(i).name() + " "), rows.get(i));
        }
        assertTrue(rows.get(0).contains("20s") && rows.get(0).contains("2026-03-09T14:59:40.123Z"), rows.get(0));
        assertTrue(rows.get(3).contains("STALE") && rows.get(3).contains("15m/5m") && rows.get(3).contains("never"), rows.get(3));
        assertTrue(rows.get(4).contains("UNKNOWN") && rows.get(4).contains("none_yet") && rows.get(4).endsWith("no result yet"), rows.get(4));
        assertEquals("", lines.get(header + 1 + rows.size()));
        assertEquals("KNATIVE", lines.get(header + 2 + rows.size()));
        assertEquals("ksvc/torghut Ready=True", lines.get(header + 3 + rows.size()));
        assertTrue(!text.contains("EMPTY"), "an empty section is left out");

        assertTrue(!report.nextSteps().isEmpty() && !text.contains("NEXT STEPS"), text);
        assertEquals(header + 4 + rows.size(), lines.size(), "the last section ends the report:\n" + text);
    }

    @Test
    void healthyReportHasNoNextSteps() {
        DiagnosisReport report = new DiagnosisReport("HEALTHY", "2026-03-09T15:00:00Z", true, "s", true, "t", List.of(),
                List.of(signal("ta_signals", 42.0, 300.0)), List.of(), Map.of());
        String text = TextReport.render(report);
        assertTrue(text.startsWith("VERDICT HEALTHY"));
        assertTrue(!text.contains("NEXT STEPS"), text);
    }

    @ParameterizedTest(name = "{0}s of max {1}s -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0.4    |       | 0s
            22     | 30    | 22s/30s
            42     | 300   | 42s/5m
            119.4  | 300   | 119s/5m
            119.6  | 300   | 2m/5m
            120    |       | 2m
            599    | 90    | 9m59s/90s
            900    | 300   | 15m/5m
            7199   |       | 119m
            9000   | 3600  | 150m/60m
            19800  |       | 5h30m
            36000  |       | 10h
            270000 |       | 3d3h
            """)
    void ageColumn(Double age, Double max, String expected) {
        String text = TextReport.render(new DiagnosisReport("HEALTHY", "t", true, "s", true, "t", List.of(),
                List.of(signal("x", age, max)), List.of(), Map.of()));
        String row = text.lines().filter(l -> l.startsWith("x ")).findFirst().orElseThrow();
        assertEquals(expected, row.substring(52, 62).trim(), row);
    }
}
