package io.torghut.prober.adapter.http;

import io.torghut.prober.shared.ProbeFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted {@link HttpFetcher} for unit tests: no sockets, no JDK client. Each call is recorded and answered by
 * the {@link Answer} given at construction.
 */
public final class FakeHttpFetcher extends HttpFetcher {

    /** One recorded call. */
    public record Call(String method, URI uri, Map<String, String> headers, String body, Duration deadline) {
    }

    /** Produces the reply (or the failure) for a call. */
    @FunctionalInterface
    public interface Answer {
        HttpReply answer(Call call) throws ProbeFailure;
    }

    private final Answer answer;
    private final List<Call> calls = new ArrayList<>();

    public FakeHttpFetcher(Answer answer) {
        super((HttpClient) null);
        this.answer = answer;
    }

    /** Always answers with this status, headers (names as given) and body. */
    public static FakeHttpFetcher replying(int status, Map<String, String> headers, String body) {
        return new FakeHttpFetcher(call -> reply(status, headers, body));
    }

    public static HttpReply reply(int status, Map<String, String> headers, String body) {
        Map<String, List<String>> lower = new java.util.TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), List.of(v)));
        return new HttpReply(status, lower, body);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public HttpReply get(URI uri, Map<String, String> headers, Duration deadline) throws ProbeFailure {
        return record(new Call("GET", uri, Map.copyOf(headers), "", deadline));
    }

    @Override
    public HttpReply post(URI uri, Map<String, String> headers, String body, Duration deadline) throws ProbeFailure {
        return record(new Call("POST", uri, Map.copyOf(headers), body, deadline));
    }

    private HttpReply record(Call call) throws ProbeFailure {
        synchronized (this) {
            calls.add(call);
        }
        return answer.answer(call);
    }
}
