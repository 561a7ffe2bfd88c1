package io.torghut.prober.feature.probe.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.adapter.clickhouse.ClickHouseClient;
import io.torghut.prober.adapter.clickhouse.ClickHouseEndpoint;
import io.torghut.prober.adapter.http.FakeHttpFetcher;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClickHouseProbeTest {

    /** Columns: /ping status | /ping body | query status | query body | reason | detail. */
    @ParameterizedTest(name = "[{index}] -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            200 | "Ok.\n" | 200 | "1\n"  | NONE     | ClickHouse at http://ch:8123 answers /ping and SELECT 1
            200 | "Ok.\n" | 200 | "2\n"  | PARSE    | ClickHouse answered SELECT 1 with something other than 1
            503 | ""      | 200 | "1\n"  | HTTP_5XX | ClickHouse /ping at http://ch:8123 answered HTTP 503
            200 | "Ok.\n" | 401 | "Code: 193, e.displayText() = DB::Exception: Wrong password for user torghut, e.what() = DB::Exception" | AUTH | ClickHouse at http://ch:8123 rejected the credentials of user 'torghut' (HTTP 401, code 193)
            """)
    void check(int pingStatus, String pingBody, int queryStatus, String queryBody, FailureReason reason, String detail) {
        FakeHttpFetcher http = new FakeHttpFetcher(call -> call.method().equals("GET")
                ? FakeHttpFetcher.reply(pingStatus, Map.of(), pingBody.replace("\\n", "\n"))
                : FakeHttpFetcher.reply(queryStatus, Map.of(), queryBody.replace("\\n", "\n")));
        ClickHouseClient client = new ClickHouseClient(ClickHouseEndpoint.parse("http://ch:8123"), "torghut",
                Optional.of("s3cret-ch-pass"), http);
        ProbeOutcome outcome = new ClickHouseProbe(client).check(Duration.ofSeconds(2));
        assertEquals(reason, outcome.reason());
        assertEquals(detail, outcome.detail());
    }
}
