package io.torghut.prober.feature.runbook;

import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.verdict.SignalAssessment;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.shared.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the findings are judged against besides the Kubernetes observations: the current verdict (with the snapshot of
 * the prober's own signals), the instant, and the grace a deploying revision gets.
 */
public record FindingContext(Verdict verdict, Instant now, Duration rolloutGrace, RunbookNames names) {
    /** Torghut's /trading/health signal, whose failing dependencies are evidence about Postgres and ClickHouse. */
    static final String TRADING_HEALTH = "trading-health";
    /**
     * How recent a result or a read must be to count as the prober's own fresh observation (probes run every few
     * seconds to a minute; the Kubernetes reads every 15 s): only such an observation can contradict a claim.
     */
    public static final Duration FRESH = Duration.ofMinutes(5);

    public Optional<SignalState> signal(String name) {
        return verdict.snapshot().get(name);
    }

    /** The prober's own view of a dependency signal ({@code postgres}, {@code clickhouse}): UNKNOWN when absent. */
    public Health health(String name) {
        return signal(name).map(SignalState::health).orElse(Health.UNKNOWN);
    }

    /**
     * The prober's own probe of a dependency fails for a reason about the dependency. A {@code config} failure (DB_DSN
     * not set) is the prober's own configuration, not evidence that the dependency is down: it counts as not known.
     */
    public Health dependencyHealth(String name) {
        Health health = health(name);
        boolean config = signal(name).flatMap(SignalState::latest).map(r -> r.reason() == FailureReason.CONFIG).orElse(false);
        return health == Health.BAD && config ? Health.UNKNOWN : health;
    }

    /**
     * The prober reaches the dependency now: its own probe's settled health is GOOD and its latest run, at most
     * {@link #FRESH} old, succeeded. Such an observation contradicts "the dependency is down".
     */
    public boolean reaches(String name) {
        return health(name) == Health.GOOD && signal(name).flatMap(SignalState::latest).filter(ProbeResult::success)
                .filter(r -> fresh(r.observedAt())).isPresent();
    }

    /** Whether something observed at {@code at} is the prober's fresh view ({@link #FRESH}). */
    public boolean fresh(Instant at) {
        return !at.isBefore(now.minus(FRESH));
    }

    /** {@code connect: Connection refused} style, or empty. */
    public String detail(String name) {
        return signal(name).flatMap(SignalState::latest).map(r -> r.reason().label() + ": " + r.detail()).orElse("");
    }

    /** {@code the prober's own postgres probe: BAD (connect: Connection refused)}: one evidence line per signal. */
    public String probeLine(String name) {
        String detail = detail(name);
        return "the prober's own " + name + " probe: " + health(name) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    /** Whether a bad signal matters now (freshness outside the session or trading health while paused does not). */
    public boolean counts(String name) {
        return verdict.signal(name).map(SignalAssessment::counts).orElse(true);
    }

    /**
     * The counted signals of a role that the verdict holds bad, with their state, in the verdict's order. Signals with no
     * result yet are left out: nothing is known about what is wrong with them (the verdict's reasons still name them).
     */
    public List<SignalState> failing(SignalRole role) {
        return verdict.signals().stream().filter(a -> a.bad() && a.counts())
                .flatMap(a -> signal(a.name()).stream())
                .filter(s -> s.role() == role && s.latest().isPresent()).toList();
    }

    /**
     * The dependencies Torghut's own /trading/health reports as not ok ({@code failing_dependencies}), while that
     * signal fails and counts; empty otherwise.
     */
    public List<String> torghutFailingDependencies() {
        Optional<ProbeResult> latest = signal(TRADING_HEALTH).flatMap(SignalState::latest).filter(r -> !r.success());
        if (latest.isEmpty() || !counts(TRADING_HEALTH)) {
            return List.of();
        }
        String deps = latest.get().evidence().getOrDefault("failing_dependencies", "");
        return Arrays.stream(deps.split("[,\\s]+")).filter(d -> !d.isEmpty()).toList();
    }

    /** Torghut's /trading/health names {@code dependency} as not ok. */
    public boolean torghutReports(String dependency) {
        return torghutFailingDependencies().contains(dependency);
    }
}
