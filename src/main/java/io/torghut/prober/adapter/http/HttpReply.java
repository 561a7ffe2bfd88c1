package io.torghut.prober.adapter.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A completed HTTP exchange: status, headers (lower-case names) and the body, cut at the fetcher's limit. */
public record HttpReply(int status, Map<String, List<String>> headers, String body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }
}
