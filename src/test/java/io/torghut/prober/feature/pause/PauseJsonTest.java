package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.edge.PauseBodyLimit;
import io.torghut.prober.feature.pause.edge.PauseProblem;
import io.torghut.prober.feature.pause.edge.PauseResource;
import io.torghut.prober.feature.pause.model.PausePlan;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PendingKind;
import io.torghut.prober.feature.pause.rollout.Effectiveness;
import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.torghut.prober.shared.model.TradingFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state enums reach the JSON of /pause and /diagnose as the lower-case words they replaced: what Alertmanager
 * receivers, scripts and oncall read does not change with the types behind it.
 */
class PauseJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void gitViewWritesTheDesiredFlagAsAWord() throws Exception {
        assertEquals("{\"desired\":\"false\",\"commit\":\"abc\",\"readAt\":\"t\"}",
                JSON.writeValueAsString(Services.git(TradingFlag.DISABLED, "abc", "t", null, "text is never shown")));
        assertEquals("{\"desired\":\"unknown\",\"error\":\"not read yet\"}", JSON.writeValueAsString(PauseRecords.GitView.UNREAD));
    }

    @Test
    void pendingWritesItsKindAsAWord() throws Exception {
        assertEquals("{\"kind\":\"git\",\"since\":\"s\",\"attempts\":2,\"lastError\":\"e\",\"nextAttemptAt\":\"n\"}",
                JSON.writeValueAsString(new PauseRecords.Pending(PendingKind.GIT, "s", 2, "e", "n", null)));
        assertEquals("\"argocd\"", JSON.writeValueAsString(PendingKind.ARGOCD));
    }

    @Test
    void effectivenessWritesItsStatusAsAWord() throws Exception {
        assertEquals("{\"status\":\"none\",\"detail\":\"no triggered pause to confirm\"}", JSON.writeValueAsString(Effectiveness.NONE));
        assertEquals("{\"status\":\"overdue\",\"commit\":\"c\",\"committedAt\":\"t\",\"detail\":\"d\"}",
                JSON.writeValueAsString(new Effectiveness(EffectivenessStatus.OVERDUE, "c", "t", null, "d")));
        assertEquals(List.of("none", "waiting", "effective", "overdue"),
                List.of(EffectivenessStatus.values()).stream().map(EffectivenessStatus::label).toList());
    }

    @Test
    void thePlanWritesTheDesiredFlagAsAWord() throws Exception {
        PausePlan plan = new PausePlan(List.of("r"), "repo", TradingFlag.ENABLED, null, null, "m", List.of(), null);
        assertEquals("{\"reasons\":[\"r\"],\"repository\":\"repo\",\"desiredInGit\":\"true\",\"commitMessage\":\"m\",\"steps\":[]}",
                JSON.writeValueAsString(plan));
    }

    /** Both ways to a 413 (declared too large, found too large while reading) answer the same bytes. */
    @Test
    void thereIsOne413Body() throws Exception {
        assertEquals("{\"error\":\"payload_too_large\",\"message\":\"the body is larger than 1 MiB\"}", PauseBodyLimit.BODY);
        PauseProblem problem = PauseResource.tooLarge();
        assertEquals(PauseBodyLimit.BODY, JSON.writeValueAsString(new PauseRecords.Error(problem.code(), problem.getMessage())));
    }
}
