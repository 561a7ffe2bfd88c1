package io.torghut.prober.feature.metrics;

import static io.torghut.prober.shared.Contract.METRIC_PREFIX;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.ProbeRunner;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.feature.verdict.SignalAssessment;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.feature.verdict.VerdictTracker;
import io.torghut.prober.shared.FailureReason;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The metric contract ({@code torghut_prober_*}). Gauges read the store and the current verdict when scraped; labels
 * are probe/signal names and failure reasons only, a bounded set fixed by configuration.
 */
@Singleton
public class ProberMetrics {
    private final MeterRegistry registry;
    private final SignalStore store;
    private final VerdictTracker verdicts;
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    /** Buckets around the probes' timeouts (3s HTTP and ClickHouse, 5s freshness and Postgres): where SLOs are drawn. */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    public ProberMetrics(MeterRegistry registry, SignalStore store, VerdictTracker verdicts) {
        this.registry = registry;
        this.store = store;
        this.verdicts = verdicts;
    }

    void register(@Observes StartupEvent event, ProbeRunner runner) {
        for (SignalState signal : store.snapshot().signals()) {
            String name = signal.name();
            probeGauge("probe_success", "1 if the latest run of the probe succeeded", name,
                    s -> s.latest().map(r -> r.success() ? 1.0 : 0.0).orElse(Double.NaN));
            probeGauge("probe_duration_seconds", "Duration of the latest run of the probe", name,
                    s -> s.latest().map(r -> r.latency().toNanos() / 1e9).orElse(Double.NaN));
            probeGauge("probe_last_success_timestamp_seconds", "Unix time of the last successful run of the probe", name,
                    s -> s.lastSuccess().map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN));
            verdictGauge("signal_age_seconds", "Freshness signals: age of the newest row; others: time since the last success",
                    name, a -> a.age().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN));
            if (signal.role() == SignalRole.FRESHNESS) {
                verdictGauge("signal_stale", "1 when the signal is stale or unknown during the trading session (after hysteresis)",
                        name, a -> a.stale() ? 1 : 0);
                signal.maxAge().ifPresent(max -> Gauge.builder(METRIC_PREFIX + "signal_max_age_seconds", () -> max.toSeconds())
                        .description("Age above which the signal is stale during the trading session")
                        .tag("signal", name).register(registry));
            }
            FunctionCounter.builder(METRIC_PREFIX + "probe_runs_skipped", runner, r -> r.skippedRuns(name))
                    .description("Scheduled runs skipped because the previous run had not returned (hung dependency)")
                    .tag("probe", name).register(registry);
            // Deprecated: the same count as a gauge, kept for one release (0.2) so that existing alerts keep working.
            // Its counter cannot be named probe_skipped_runs_total: OpenMetrics makes x and x_total one family.
            Gauge.builder(METRIC_PREFIX + "probe_skipped_runs", runner, r -> r.skippedRuns(name))
                    .description("DEPRECATED, removed in the next release: use torghut_prober_probe_runs_skipped_total")
                    .tag("probe", name).register(registry);
            latency.put(name, Timer.builder(METRIC_PREFIX + "probe_latency_seconds")
                    .description("Duration of probe runs (timeouts count as the timeout)").tag("probe", name)
                    .serviceLevelObjectives(LATENCY_BUCKETS).register(registry));
            for (FailureReason reason : FailureReason.values()) {
                if (reason != FailureReason.NONE) {
                    failures.put(name + "/" + reason.label(), Counter.builder(METRIC_PREFIX + "probe_failures")
                            .description("Failed probe runs by reason").tag("probe", name).tag("reason", reason.label())
                            .register(registry));
                }
            }
        }
        Gauge.builder(METRIC_PREFIX + "pause_recommended", verdicts, v -> v.current().pauseRecommended() ? 1 : 0)
                .description("1 while the verdict is PAUSE_RECOMMENDED: dependencies degraded or signals stale while trading is enabled")
                .register(registry);
        Gauge.builder(METRIC_PREFIX + "verdict_level", verdicts, v -> v.current().level().ordinal())
                .description("0 HEALTHY, 1 DEGRADED, 2 PAUSE_RECOMMENDED").register(registry);
        Gauge.builder(METRIC_PREFIX + "trading_session_open", verdicts, v -> v.current().sessionOpen() ? 1 : 0)
                .description("1 while the trading session is open (freshness counts only then)").register(registry);
        store.onChange((before, after) -> after.latest().ifPresent(this::record));
    }

    private void record(ProbeResult result) {
        Timer timer = latency.get(result.probe());
        if (timer != null) {
            timer.record(result.latency());
        }
        if (result.success()) {
            return;
        }
        Counter counter = failures.get(result.probe() + "/" + result.reason().label());
        if (counter != null) {
            counter.increment();
        }
    }

    private void probeGauge(String metric, String help, String probe, ToDoubleFunction<SignalState> value) {
        Gauge.builder(METRIC_PREFIX + metric, store, s -> s.get(probe).map(value::applyAsDouble).orElse(Double.NaN))
                .description(help).tag("probe", probe).register(registry);
    }

    private void verdictGauge(String metric, String help, String signal, ToDoubleFunction<SignalAssessment> value) {
        Gauge.builder(METRIC_PREFIX + metric, verdicts, v -> assessment(v.current(), signal).map(value::applyAsDouble).orElse(Double.NaN))
                .description(help).tag("signal", signal).register(registry);
    }

    /** Index of the current verdict by signal name, rebuilt once per new verdict rather than scanned per gauge. */
    private volatile Map.Entry<Verdict, Map<String, SignalAssessment>> index;

    private Optional<SignalAssessment> assessment(Verdict verdict, String signal) {
        Map.Entry<Verdict, Map<String, SignalAssessment>> cached = index;
        if (cached == null || cached.getKey() != verdict) {
            Map<String, SignalAssessment> byName = new java.util.HashMap<>();
            verdict.signals().forEach(a -> byName.put(a.name(), a));
            cached = Map.entry(verdict, byName);
            index = cached;
        }
        return Optional.ofNullable(cached.getValue().get(signal));
    }

    /** Exposed for tests: the level the gauges report. */
    VerdictLevel level() {
        return verdicts.current().level();
    }
}
