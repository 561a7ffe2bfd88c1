package io.torghut.prober.feature.pause.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldTimerTest {

    /** Each step is "seconds:condition"; expected lists the seconds at which the timer fires. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "120|0:1 60:1 119:1 120:1 121:1 500:1|120",
            "120|0:1 60:1 61:0 62:1 181:1 182:1|182",
            "120|0:1 130:1 131:0 132:1 300:1|130 300",
            "0|0:1 1:1 2:0 3:1|0 3",
            "120|0:0 500:0|''"})
    void firesOncePerEpisodeAfterTheHold(long hold, String steps, String expected) {
        HoldTimer timer = new HoldTimer(Duration.ofSeconds(hold));
        List<String> fired = new ArrayList<>();
        for (String step : steps.split(" ")) {
            String[] parts = step.split(":");
            if (timer.update(parts[1].equals("1"), Instant.EPOCH.plusSeconds(Long.parseLong(parts[0])))) {
                fired.add(parts[0]);
            }
        }
        assertEquals(expected, String.join(" ", fired));
    }
}
