package io.torghut.prober.adapter.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.torghut.prober.adapter.http.FakeHttpFetcher;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClickHouseClientTest {
    private static final String SECRET = "s3cret-ch-pass";
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private static ClickHouseClient client(FakeHttpFetcher http) {
        return new ClickHouseClient(ClickHouseEndpoint.parse("jdbc:clickhouse://ch:8123/torghut"), "torghut",
                Optional.of(SECRET), http);
    }

    @Test
    void queryPostsTheSqlWithCredentialsInHeadersAndTheDatabaseInTheUrl() throws ProbeFailure {
        FakeHttpFetcher http = FakeHttpFetcher.replying(200, Map.of(), "1\n");
        assertEquals("1\n", client(http).query("SELECT 1 FORMAT TabSeparated", DEADLINE));
        FakeHttpFetcher.Call call = http.calls().get(0);
        assertEquals("POST", call.method());
        assertEquals("http://ch:8123/?database=torghut", call.uri().toString());
        assertEquals("SELECT 1 FORMAT TabSeparated", call.body());
        assertEquals(Map.of("X-ClickHouse-User", "torghut", "X-ClickHouse-Key", SECRET), call.headers());
        assertEquals(DEADLINE, call.deadline());
        assertFalse(call.uri().toString().contains(SECRET));
    }

    @Test
    void withoutPasswordOrDatabaseNeitherIsSent() throws ProbeFailure {
        FakeHttpFetcher http = FakeHttpFetcher.replying(200, Map.of(), "1\n");
        new ClickHouseClient(ClickHouseEndpoint.parse("http://ch"), "default", Optional.empty(), http).query("SELECT 1", DEADLINE);
        assertEquals("http://ch:8123/", http.calls().get(0).uri().toString());
        assertEquals(Map.of("X-ClickHouse-User", "default"), http.calls().get(0).headers());
    }

    @Test
    void anOddDatabaseNameIsEncodedInTheUrl() throws ProbeFailure {
        FakeHttpFetcher http = FakeHttpFetcher.replying(200, Map.of(), "1\n");
        new ClickHouseClient(ClickHouseEndpoint.parse("http://ch:8123/ta%20db&x"), "default", Optional.empty(), http)
                .query("SELECT 1", DEADLINE);
        assertEquals("http://ch:8123/?database=ta+db%26x", http.calls().get(0).uri().toString());
    }

    /** Columns: HTTP status | X-ClickHouse-Exception-Code header (empty: none) | body | reason | message. */
    @ParameterizedTest(name = "[{index}] HTTP {0} header={1} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # ClickHouse 18.16: wrong password
            401 |     | Code: 193, e.displayText() = DB::Exception: Wrong password for user torghut, e.what() = DB::Exception | AUTH | ClickHouse at http://ch:8123 rejected the credentials of user 'torghut' (HTTP 401, code 193)
            500 |     | Code: 193, e.displayText() = DB::Exception: Wrong password for user torghut, e.what() = DB::Exception | AUTH | ClickHouse at http://ch:8123 rejected the credentials of user 'torghut' (HTTP 500, code 193)
            500 |     | Code: 192, e.displayText() = DB::Exception: Unknown user torghut, e.what() = DB::Exception           | AUTH | ClickHouse at http://ch:8123 rejected the credentials of user 'torghut' (HTTP 500, code 192)
            # new servers: 516 AUTHENTICATION_FAILED with the exception-code header
            401 | 516 | Code: 516. DB::Exception: torghut: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version 24.3.2.23 (official build)) | AUTH | ClickHouse at http://ch:8123 rejected the credentials of user 'torghut' (HTTP 401, code 516)
            403 |     | Forbidden                                                                                              | AUTH | ClickHouse at http://ch:8123 rejected the credentials of user 'torghut' (HTTP 403, code -1)
            # an exception after streaming began: HTTP 200
            200 |     | "1
            Code: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded, e.what() = DB::Exception
            "                                                                                                                | QUERY | ClickHouse at http://ch:8123 failed the query: code 241: Memory limit (for query) exceeded, e.what() = DB::Exception
            200 | 159 |                                                                                                        | QUERY | ClickHouse at http://ch:8123 failed the query: code 159: HTTP 200
            # unknown table: 404 on new servers, 500 on old ones
            404 | 60  | Code: 60. DB::Exception: Table torghut.ta_signals does not exist. (UNKNOWN_TABLE) (version 24.3.2.23) | QUERY | ClickHouse at http://ch:8123 failed the query: code 60: Table torghut.ta_signals does not exist. (UNKNOWN_TABLE) (version 24.3.2.23)
            500 |     | Code: 60, e.displayText() = DB::Exception: Table torghut.ta_signals doesn't exist., e.what() = DB::Exception | QUERY | ClickHouse at http://ch:8123 failed the query: code 60: Table torghut.ta_signals doesn't exist., e.what() = DB::Exception
            500 |     | Code: 164, e.displayText() = DB::Exception: Cannot modify 'max_execution_time' setting in readonly mode, e.what() = DB::Exception | QUERY | ClickHouse at http://ch:8123 failed the query: code 164: Cannot modify 'max_execution_time' setting in readonly mode, e.what() = DB::Exception
            # a proxy in front answering without a ClickHouse code
            502 |     | <html><body>Bad Gateway</body></html>                                                                 | HTTP_5XX | ClickHouse at http://ch:8123 failed the query: code -1: HTTP 502
            404 |     | Not Found                                                                                              | QUERY    | ClickHouse at http://ch:8123 failed the query: code -1: HTTP 404
            """)
    void classifiesFailures(int status, String code, String body, FailureReason reason, String message) {
        Map<String, String> headers = code == null ? Map.of() : Map.of("X-ClickHouse-Exception-Code", code);
        FakeHttpFetcher http = FakeHttpFetcher.replying(status, headers, body == null ? "" : body);
        ProbeFailure failure = assertThrows(ProbeFailure.class, () -> client(http).query("SELECT 1", DEADLINE));
        assertEquals(reason, failure.reason());
        assertEquals(message, failure.getMessage());
        assertFalse(failure.getMessage().contains(SECRET));
    }

    @Test
    void aVeryLongErrorLineIsCut() {
        FakeHttpFetcher http = FakeHttpFetcher.replying(500, Map.of(), "Code: 62. DB::Exception: " + "y".repeat(2000));
        ProbeFailure failure = assertThrows(ProbeFailure.class, () -> client(http).query("SELECT 1", DEADLINE));
        assertEquals("ClickHouse at http://ch:8123 failed the query: code 62: " + "y".repeat(300) + "…", failure.getMessage());
    }

    @Test
    void transportFailuresPassThrough() {
        ProbeFailure refused = new ProbeFailure(FailureReason.CONNECT, "connection refused by http://ch:8123");
        FakeHttpFetcher http = new FakeHttpFetcher(call -> {
            throw refused;
        });
        assertSame(refused, assertThrows(ProbeFailure.class, () -> client(http).query("SELECT 1", DEADLINE)));
        assertSame(refused, assertThrows(ProbeFailure.class, () -> client(http).ping(DEADLINE)));
    }

    @Test
    void pingIsAnUnauthenticatedGet() throws ProbeFailure {
        FakeHttpFetcher http = FakeHttpFetcher.replying(200, Map.of(), "Ok.\n");
        client(http).ping(DEADLINE);
        FakeHttpFetcher.Call call = http.calls().get(0);
        assertEquals("GET", call.method());
        assertEquals("http://ch:8123/ping", call.uri().toString());
        assertEquals(Map.of(), call.headers());
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            503 | Service Unavailable | HTTP_5XX | ClickHouse /ping at http://ch:8123 answered HTTP 503
            404 | Not Found           | HTTP_4XX | ClickHouse /ping at http://ch:8123 answered HTTP 404
            200 | <html>hello</html>  | PARSE    | ClickHouse /ping at http://ch:8123 answered HTTP 200 without 'Ok.': not a ClickHouse server?
            """)
    void pingFailures(int status, String body, FailureReason reason, String message) {
        FakeHttpFetcher http = FakeHttpFetcher.replying(status, Map.of(), body);
        ProbeFailure failure = assertThrows(ProbeFailure.class, () -> client(http).ping(DEADLINE));
        assertEquals(reason, failure.reason());
        assertEquals(message, failure.getMessage());
    }
}
