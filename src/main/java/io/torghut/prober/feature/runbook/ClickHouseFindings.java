package io.torghut.prober.feature.runbook;

import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Procedure C, ClickHouse: the service's {@code TA_CLICKHOUSE_URL} (the dependency check uses it, not
 * {@code CLICKHOUSE_HOST}) must point at the ClickHouse HTTP service; and whether the prober itself reaches ClickHouse. Pure.
 */
public final class ClickHouseFindings {
    public static final String URL_ENV = "TA_CLICKHOUSE_URL";
    public static final String LEGACY_ENV = "CLICKHOUSE_HOST";
    /** The prober's own ClickHouse probe. */
    static final String SIGNAL = "clickhouse";
    /** Freshness failures about the data itself (ClickHouse answered): stale, empty, a query or an answer it cannot use. */
    static final Set<FailureReason> DATA_REASONS = EnumSet.of(FailureReason.STALE, FailureReason.NO_DATA, FailureReason.QUERY,
            FailureReason.PARSE);

    private ClickHouseFindings() {
    }

    /** See {@link ClickHouseConfigFindings#misconfigured}. */
    public static Optional<Finding> misconfigured(KnativeObservation obs, FindingContext ctx) {
        return ClickHouseConfigFindings.misconfigured(obs, ctx);
    }

    /** Empty when the URL is a ClickHouse HTTP endpoint; otherwise what is wrong with it. */
    static Optional<String> judgeUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("is not an http:// URL (the dependency check speaks ClickHouse's HTTP interface)");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no host");
        }
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port == 9000 || port == 9440 || port == 9004 || port == 9005 || port == 9009) {
            return Optional.of("uses port " + port + ", a ClickHouse native/interserver port, not the HTTP port 8123");
        }
        if (port != 8123 && port != 8443) {
            return Optional.of("uses port " + port + ", not ClickHouse's HTTP port 8123 (8443 with TLS)");
        }
        return Optional.empty();
    }

    /**
     * The prober's clickhouse probe fails, a freshness query fails for a reason about reaching ClickHouse (not about the
     * data: that is {@link SignalFindings#taDataStale}), or Torghut's /trading/health names ClickHouse while the prober
     * has no fresh view of its own. Torghut naming ClickHouse while the prober's own fresh probe succeeds is not this
     * finding: that claim is contradicted, and the path between Torghut and ClickHouse is ({@link DependencyFindings}).
     */
    public static Optional<Finding> unreachable(Optional<KnativeObservation> obs, FindingContext ctx) {
        RunbookNames n = ctx.names();
        boolean probeDown = ctx.dependencyHealth(SIGNAL) == Health.BAD;
        DependencyReach.Reach reach = DependencyReach.of(SIGNAL, Optional.empty(), ctx);
        boolean torghutSays = ctx.torghutReports(SIGNAL) && reach != DependencyReach.Reach.REACHED;
        List<SignalState> queries = ctx.failing(SignalRole.FRESHNESS).stream().filter(ClickHouseFindings::accessFailure).toList();
        if (!probeDown && !torghutSays && queries.isEmpty()) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(ctx.probeLine(SIGNAL));
        if (torghutSays) {
            evidence.add("Torghut's /trading/health reports dependencies not ok: " + String.join(", ", ctx.torghutFailingDependencies()));
        }
        queries.forEach(q -> evidence.add(ctx.probeLine(q.name())));
        List<Subject> about = new ArrayList<>(List.of(Subject.dependency(SIGNAL)));
        if (reach == DependencyReach.Reach.DOWN) {
            // Torghut failing to connect is what ClickHouse being down looks like from Torghut: evidence, not a finding.
            obs.ifPresent(o -> {
                LogHits torghut = LogHits.of(o, n.container()).unreachable(SIGNAL);
                evidence.addAll(torghut.evidence());
                about.addAll(torghut.crashingRevisions());
            });
        }
        boolean auth = Stream.concat(ctx.signal(SIGNAL).stream(), queries.stream()).flatMap(s -> s.latest().stream())
                .anyMatch(r -> r.reason() == FailureReason.AUTH);
        String svc = obs.map(o -> serviceName(o, n)).orElse("torghut-clickhouse");
        return Optional.of(new Finding(FindingIds.CLICKHOUSE_UNREACHABLE, "C", Severity.CRITICAL,
                auth ? "ClickHouse rejects the credentials" : "ClickHouse is unreachable", evidence, List.of(svc),
                List.of(n.kubectl("get svc,endpoints " + svc),
                        n.kubectl("run clickhouse-ping --rm -i --restart=Never --image=curlimages/curl -- curl -sS -m 5 http://"
                                + svc + "." + n.namespace() + ".svc.cluster.local:8123/ping")),
                List.of(),
                List.of(auth ? "Check the Secret behind TA_CLICKHOUSE_PASSWORD (and the user's profile in ClickHouse)."
                                : "Confirm ClickHouse is up; " + URL_ENV + " must point at the ClickHouse HTTP service (port 8123)."),
                about));
    }

    /** A failed freshness query that says ClickHouse was not reached or refused us, not that the data is old. */
    static boolean accessFailure(SignalState freshness) {
        return freshness.latest().filter(r -> !r.success()).map(r -> !DATA_REASONS.contains(r.reason())).orElse(false);
    }

    /** The ClickHouse service name from TA_CLICKHOUSE_URL's host ({@code name.namespace.svc...}), else the runbook's. */
    static String serviceName(KnativeObservation obs, RunbookNames n) {
        return obs.service().map(KnativeServiceInfo::templateEnv).orElse(List.of()).stream()
                .filter(e -> e.name().equals(URL_ENV)).findFirst().flatMap(EnvVar::value)
                .map(v -> {
                    try {
                        String host = URI.create(v.strip()).getHost();
                        return host == null ? null : host.split("\\.")[0];
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                })
                // A Service name is an RFC 1035 label (starts with a letter): an IP address names no Service.
                .filter(h -> h.matches("[a-z]([-a-z0-9]*[a-z0-9])?")).orElse("torghut-clickhouse");
    }
}
