package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Optional;

/**
 * Where a dependency variable of Torghut's env points ({@code DB_DSN}, {@code TA_CLICKHOUSE_URL}, {@code CLICKHOUSE_HOST}),
 * as read from a literal value: the scheme, the hosts and the port, and nothing else. User, password, database and
 * query parameters are dropped where the value is read, so that no credential written into a manifest reaches an
 * observation, a log line, /diagnose or a metric.
 *
 * @param scheme  {@code postgresql}, {@code http}, ...; empty for a libpq key=value DSN or a bare host
 * @param hosts   host names or addresses, in the order given (libpq accepts several)
 * @param port    the first port given, empty when none is
 * @param problem why the value could not be read (it is then neither shown nor judged further), else empty
 */
@RegisterForReflection
public record Endpoint(String scheme, List<String> hosts, Optional<Integer> port, Optional<String> problem) {

    public Endpoint {
        hosts = List.copyOf(hosts);
    }

    public static Endpoint unreadable(String problem) {
        return new Endpoint("", List.of(), Optional.empty(), Optional.of(problem));
    }

    /** The first host, lower-case; empty when none was read. */
    public String host() {
        return hosts.isEmpty() ? "" : hosts.get(0).toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code host torghut-db-ro.torghut.svc, port 5432}: what evidence lines quote. */
    public String describe() {
        if (problem.isPresent()) {
            return problem.get();
        }
        return (hosts.size() == 1 ? "host " : "hosts ") + String.join(",", hosts) + port.map(p -> ", port " + p).orElse("")
                + (scheme.isEmpty() ? "" : ", scheme " + scheme);
    }
}
