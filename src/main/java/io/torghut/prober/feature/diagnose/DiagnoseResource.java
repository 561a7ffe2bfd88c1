package io.torghut.prober.feature.diagnose;

import io.torghut.prober.feature.runbook.Finding;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictTracker;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /diagnose}: plain text by default, JSON for {@code Accept: application/json}. Reads stored results
 * only; it never probes on the request path, so it answers at once even while every dependency hangs.
 */
@Path("/diagnose")
public class DiagnoseResource {
    private final VerdictTracker verdicts;
    private final List<DiagnosisSection> sections;

    public DiagnoseResource(VerdictTracker verdicts, Instance<DiagnosisSection> sections) {
        this.verdicts = verdicts;
        this.sections = sections.stream().sorted(Comparator.comparingInt(DiagnosisSection::order)).toList();
    }

    /** JSON only when asked for by name: curl sends {@code Accept: *}{@code /*} and oncall wants text. */
    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response diagnose(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        DiagnosisReport report = report();
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(TextReport.render(report, sections), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }

    DiagnosisReport report() {
        // The tracker re-evaluates after every result and every second; reading it keeps this path free of work.
        Verdict verdict = verdicts.current();
        // One read per section: the findings the nextSteps come from are the ones the section shows.
        List<Finding> findings = new java.util.ArrayList<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        for (DiagnosisSection section : sections) {
            DiagnosisSection.Snapshot snapshot = section.snapshot();
            extra.put(section.id(), snapshot.json());
            findings.addAll(snapshot.findings());
        }
        DiagnosisReport base = DiagnosisBuilder.build(verdict, verdicts.session().describe(), verdicts.tradingState().describe(), findings);
        return new DiagnosisReport(base.verdict(), base.evaluatedAt(), base.sessionOpen(), base.session(),
                base.tradingEnabled(), base.tradingState(), base.reasons(), base.signals(), base.nextSteps(), extra);
    }
}
