package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.edge.PauseProblem;
import io.torghut.prober.feature.pause.edge.PauseRequestParser;
import io.torghut.prober.feature.pause.model.PauseRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bad-input corpus against the pure parser: what the resource would answer once the body got past 401/415/413. */
class PauseCorpusParserTest {

    static List<PauseCorpus.Case> corpus() {
        return PauseCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parserAnswersAsTheCorpusSays(PauseCorpus.Case c) {
        PauseRequest request;
        try {
            request = PauseRequestParser.parse(c.body());
        } catch (PauseProblem problem) {
            assertEquals(400, problem.status(), problem::getMessage);
            if (c.status() == 400) {
                assertTrue(problem.getMessage().startsWith(c.message()), () -> c.name() + ": " + problem.getMessage());
            } else if (c.status() == 200) {
                fail(c.name() + " should parse: " + problem.getMessage());
            }
            return;
        }
        if (c.status() == 400) {
            fail(c.name() + " was accepted: " + request);
        }
        if (c.status() == 200) {
            assertTrue(request.resolved(), () -> c.name() + " must not ask for a pause: " + request);
        }
    }
}
