package io.torghut.prober.feature.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.Redactor;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner redacts every outcome before it is stored. */
class ProbeOutcomeTest {

    @Test
    void cleansOutcomeDetailAndEvidenceAndKeepsTheRest() {
        Redactor redactor = new Redactor();
        redactor.add("s3cret-ch-pass");
        ProbeOutcome dirty = ProbeOutcome.fail(FailureReason.AUTH, "server said s3cret-ch-pass")
                .withAge(Duration.ofSeconds(9))
                .withEvidence(Map.of("echo", "key=s3cret-ch-pass", "plain", "ok"));
        ProbeOutcome clean = dirty.redacted(redactor::clean);
        assertEquals("server said ****", clean.detail());
        assertEquals(Map.of("echo", "key=****", "plain", "ok"), clean.evidence());
        assertEquals(FailureReason.AUTH, clean.reason());
        assertEquals(Optional.of(Duration.ofSeconds(9)), clean.age());
    }
}
