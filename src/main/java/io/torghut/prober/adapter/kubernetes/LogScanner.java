package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.shared.FreeText;
import io.torghut.prober.shared.LogScrubber;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.shared.model.LogSignature;
import io.torghut.prober.shared.model.SignatureHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the known signatures in a log tail. Pure apart from the Redactor's list of secrets: same lines, same hits.
 * Each line is tested against every signature (a traceback line may match more than one); the sample is the first
 * matching line, scrubbed of credentials and made one printable line ({@link FreeText}).
 */
public final class LogScanner {
    private final List<LogSignature> signatures;
    private final Redactor redactor;

    public LogScanner(List<LogSignature> signatures, Redactor redactor) {
        this.signatures = List.copyOf(signatures);
        this.redactor = redactor;
    }

    public List<LogSignature> signatures() {
        return signatures;
    }

    public List<SignatureHit> scan(List<String> lines) {
        Map<LogSignature, int[]> counts = new LinkedHashMap<>();
        Map<LogSignature, String> samples = new LinkedHashMap<>();
        for (String line : lines) {
            for (LogSignature signature : signatures) {
                if (signature.pattern().matcher(line).find()) {
                    counts.computeIfAbsent(signature, s -> new int[1])[0]++;
                    samples.putIfAbsent(signature, line);
                }
            }
        }
        List<SignatureHit> hits = new ArrayList<>();
        for (LogSignature signature : signatures) {
            int[] count = counts.get(signature);
            if (count != null) {
                hits.add(new SignatureHit(signature.id(), signature.finding(), signature.dependency(), count[0],
                        FreeText.line(redactor.clean(LogScrubber.scrub(samples.get(signature))))));
            }
        }
        return hits;
    }

    /** Splits a log body into lines, dropping a trailing partial line cut by the byte limit. */
    public static List<String> lines(String body, boolean truncated) {
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(body.split("\r?\n")));
        if (truncated && !body.endsWith("\n") && !lines.isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
