package io.torghut.prober.feature.metrics;

import static io.torghut.prober.shared.Contract.METRIC_PREFIX;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Removes the prober's meters ({@code torghut_prober_*}) at shutdown. The injected registry is Micrometer's global
 * composite, which outlives one application start within a JVM (tests, dev mode): a gauge left behind keeps reading
 * the previous start's objects, and registering the same id again silently returns that stale gauge.
 */
@Singleton
public class OwnedMeters {
    private final MeterRegistry registry;

    public OwnedMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void removeAll(@Observes ShutdownEvent event) {
        List<Meter> ours = registry.getMeters().stream().filter(m -> m.getId().getName().startsWith(METRIC_PREFIX)).toList();
        ours.forEach(registry::remove);
    }
}
