package io.torghut.prober.config;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.policy.Policy;
import io.torghut.prober.policy.TradingStateSource;
import io.torghut.prober.policy.VerdictTracker;
import io.torghut.prober.probe.ProbeRunner;
import io.torghut.prober.signal.SignalStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Starts the probes at startup and the periodic re-evaluation of the verdict; stops both at shutdown. */
@Singleton
public class ProberLifecycle {
    private static final Logger LOG = Logger.getLogger(ProberLifecycle.class);
    private final ScheduledExecutorService evaluator = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "verdict-evaluator");
        thread.setDaemon(true);
        return thread;
    });

    @Produces
    @Singleton
    VerdictTracker verdictTracker(SignalStore store, Policy policy, Clock clock, TradingStateSource tradingState) {
        return new VerdictTracker(store, policy, clock, tradingState);
    }

    void start(@Observes StartupEvent event, ProbeRunner runner, VerdictTracker tracker, ProberConfig config, Policy policy,
               Clock clock) {
        runner.start();
        long every = config.policy().evaluateEvery().toMillis();
        evaluator.scheduleAtFixedRate(() -> {
            try {
                tracker.evaluate();
            } catch (RuntimeException e) {
                LOG.errorf("verdict evaluation failed: %s", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("probing %d signals; trading session %s", runner.probes().size(), policy.session().describe());
        policy.session().calendarWarning(clock.instant()).ifPresent(warning -> LOG.warnf("market calendar: %s", warning));
    }

    /**
     * First of the shutdown observers (before the pause's, which waits for a pause under way): no verdict may start a
     * pause while the process stops. Hung probes are abandoned, not awaited ({@link ProbeRunner#stop()}).
     */
    void stop(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ShutdownEvent event, ProbeRunner runner) {
        evaluator.shutdownNow();
        runner.stop();
    }
}
