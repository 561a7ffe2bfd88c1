package io.torghut.prober.boot;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.feature.probe.ProbeRunner;
import io.torghut.prober.feature.signal.PolicyConfig;
import io.torghut.prober.feature.verdict.Policy;
import io.torghut.prober.feature.verdict.VerdictTracker;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Starts the probes, the periodic re-evaluation of the verdict and the hourly look at the market calendar, all jobs of
 * the scheduler; stops them first at shutdown.
 */
@Singleton
public class ProberLifecycle {
    private static final Logger LOG = Logger.getLogger(ProberLifecycle.class);
    /** The calendar can run out while the prober runs (a new year): looked at once an hour. */
    static final Duration CALENDAR_EVERY = Duration.ofHours(1);
    private final List<Jobs.Job> jobs = new CopyOnWriteArrayList<>();

    void start(@Observes StartupEvent event, ProbeRunner runner, VerdictTracker tracker, PolicyConfig config, Policy policy,
               Clock clock, Jobs scheduler) {
        runner.start();
        Duration every = config.evaluateEvery();
        jobs.add(scheduler.everyBlocking("verdict", every, every, () -> {
            try {
                tracker.evaluate();
            } catch (RuntimeException e) {
                LOG.errorf("verdict evaluation failed: %s", e.toString());
            }
        }));
        CalendarWarnings calendar = new CalendarWarnings(policy.session(), clock);
        calendar.check().ifPresent(warning -> LOG.warnf("market calendar: %s", warning));
        jobs.add(scheduler.everyBlocking("calendar", CALENDAR_EVERY, CALENDAR_EVERY,
                () -> calendar.check().ifPresent(warning -> LOG.warnf("market calendar: %s", warning))));
        LOG.infof("probing %d signals; trading session %s", runner.probes().size(), policy.session().describe());
    }

    /**
     * First of the shutdown observers (before the pause's, which waits for a pause under way; Quarkus' scheduler itself
     * stops later, when the beans are destroyed): no verdict may start a pause while the process stops, so the jobs
     * leave the scheduler first. Hung probes are abandoned, not awaited ({@link ProbeRunner#stop()}).
     */
    void stop(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ShutdownEvent event, ProbeRunner runner) {
        jobs.forEach(Jobs.Job::cancel);
        jobs.clear();
        runner.stop();
    }
}
