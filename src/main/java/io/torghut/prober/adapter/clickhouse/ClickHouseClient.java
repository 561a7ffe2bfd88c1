package io.torghut.prober.adapter.clickhouse;

import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.adapter.http.HttpReply;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import io.torghut.prober.shared.FreeText;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClickHouse over its HTTP interface: {@code /ping} and read-only queries in TabSeparated. Success is judged by
 * the body and the {@code X-ClickHouse-Exception-Code} header, not only by the HTTP status, because older servers
 * can report an exception with HTTP 200 after streaming has begun.
 */
public final class ClickHouseClient {
    private static final Pattern EXCEPTION = Pattern.compile("Code: (\\d+)[.,]? ?(?:e\\.displayText\\(\\) = )?(?:DB::Exception: )?([^\\n]*)");
    /** 193 WRONG_PASSWORD on old servers, 516 AUTHENTICATION_FAILED on new ones, 192 UNKNOWN_USER. */
    private static final java.util.Set<Integer> AUTH_CODES = java.util.Set.of(192, 193, 194, 516);

    private final ClickHouseEndpoint endpoint;
    private final String username;
    private final Optional<String> password;
    private final HttpFetcher http;

    public ClickHouseClient(ClickHouseEndpoint endpoint, String username, Optional<String> password, HttpFetcher http) {
        this.endpoint = endpoint;
        this.username = username;
        this.password = password;
        this.http = http;
    }

    public ClickHouseEndpoint endpoint() {
        return endpoint;
    }

    /** {@code GET /ping}: the server is up and answers {@code Ok.}; no credentials involved. */
    public void ping(Duration deadline) throws ProbeFailure {
        HttpReply reply = http.get(endpoint.base().resolve("ping"), Map.of(), deadline);
        if (reply.is2xx() && !reply.body().startsWith("Ok.")) {
            // something answers, but not ClickHouse (a wrong port or a proxy page): not an HTTP error
            throw new ProbeFailure(FailureReason.PARSE,
                    "ClickHouse /ping at " + endpoint.display() + " answered HTTP " + reply.status() + " without 'Ok.': not a ClickHouse server?");
        }
        if (!reply.is2xx()) {
            throw new ProbeFailure(reply.status() >= 500 ? FailureReason.HTTP_5XX : FailureReason.HTTP_4XX,
                    "ClickHouse /ping at " + endpoint.display() + " answered HTTP " + reply.status());
        }
    }

    /**
     * Runs one query and returns the TabSeparated body. No settings go in the URL: a probe user is typically in a
     * {@code readonly=1} profile, where changing any setting (even {@code max_execution_time}) is an error.
     */
    public String query(String sql, Duration deadline) throws ProbeFailure {
        // Encoded: a database taken from a percent-encoded URL path could otherwise make an invalid URI (and throw).
        URI uri = endpoint.base().resolve(endpoint.database()
                .map(db -> "?database=" + URLEncoder.encode(db, StandardCharsets.UTF_8)).orElse(""));
        Map<String, String> headers = new HashMap<>();
        headers.put("X-ClickHouse-User", username);
        password.ifPresent(secret -> headers.put("X-ClickHouse-Key", secret));
        HttpReply reply = http.post(uri, headers, sql, deadline);
        Optional<String> code = reply.header("X-ClickHouse-Exception-Code");
        Matcher exception = EXCEPTION.matcher(reply.body());
        boolean failed = !reply.is2xx() || code.isPresent() || exception.find();
        if (!failed) {
            return reply.body();
        }
        int errorCode = code.map(ClickHouseClient::parseCode)
                .orElseGet(() -> exception.find(0) ? parseCode(exception.group(1)) : -1);
        if (reply.status() == 401 || reply.status() == 403 || AUTH_CODES.contains(errorCode)) {
            throw new ProbeFailure(FailureReason.AUTH, "ClickHouse at " + endpoint.display()
                    + " rejected the credentials of user '" + username + "' (HTTP " + reply.status() + ", code " + errorCode + ")");
        }
        String message = exception.find(0) ? firstLine(exception.group(2)) : "HTTP " + reply.status();
        throw new ProbeFailure(reply.status() >= 500 && errorCode < 0 ? FailureReason.HTTP_5XX : FailureReason.QUERY,
                "ClickHouse at " + endpoint.display() + " failed the query: code " + errorCode + ": " + message);
    }

    private static int parseCode(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String firstLine(String text) {
        String line = text.strip();
        return FreeText.cut(line, 300, FreeText.ELLIPSIS);
    }
}
