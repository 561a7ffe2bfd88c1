package io.torghut.prober.adapter.clock;

import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.SkippedExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * {@link Jobs} on Quarkus' scheduler (programmatic jobs, {@link ConcurrentExecution#SKIP}) and Vert.x timers. The
 * scheduler's own thread only looks at the triggers once a second and hands each due job to Vert.x: an async job's
 * start runs on an event loop (it only hands work on, see {@code ProbeRunner}), a blocking job's task on Vert.x's worker
 * pool. One-shot delays need millisecond resolution (a probe's hard timeout), which the scheduler's tick cannot give:
 * they are Vert.x timers, whose action is moved off the event loop to a worker before it runs.
 */
@Singleton
public class QuarkusJobs implements Jobs {
    private static final Logger LOG = Logger.getLogger(QuarkusJobs.class);
    private final Scheduler scheduler;
    private final Vertx vertx;
    /** Who counts the skipped ticks of each async job: the scheduler reports them as CDI events. */
    private final Map<String, Runnable> skipCounters = new ConcurrentHashMap<>();

    public QuarkusJobs(Scheduler scheduler, Vertx vertx) {
        this.scheduler = scheduler;
        this.vertx = vertx;
    }

    @Override
    public Job every(String id, Duration interval, Duration firstAfter, Supplier<CompletionStage<Void>> start, Runnable skipped) {
        skipCounters.put(id, skipped);
        schedule(scheduler.newJob(id).setAsyncTask(execution -> Uni.createFrom().completionStage(start)), interval, firstAfter);
        return () -> {
            unschedule(id);
            skipCounters.remove(id, skipped);
        };
    }

    @Override
    public Job everyBlocking(String id, Duration interval, Duration firstAfter, Runnable task) {
        schedule(scheduler.newJob(id).setTask(execution -> task.run()), interval, firstAfter);
        return () -> unschedule(id);
    }

    @Override
    public Job after(Duration delay, Runnable action) {
        long timer = vertx.setTimer(Math.max(1, delay.toMillis()), fired -> vertx.executeBlocking(() -> {
            action.run();
            return null;
        }, false));
        return () -> vertx.cancelTimer(timer);
    }

    /** The scheduler skipped a tick of a job whose previous run had not ended ({@link ConcurrentExecution#SKIP}). */
    void skipped(@Observes SkippedExecution skipped) {
        Runnable counter = skipCounters.get(skipped.triggerId);
        if (counter != null) {
            counter.run();
        }
    }

    private static void schedule(Scheduler.JobDefinition<?> job, Duration interval, Duration firstAfter) {
        Resolution.problem(interval).ifPresent(problem -> {
            throw new IllegalArgumentException("job interval " + problem);
        });
        job.setInterval(interval.toString())
                .setDelayed(firstAfter.isNegative() ? Duration.ZERO.toString() : firstAfter.toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .schedule();
    }

    private void unschedule(String id) {
        try {
            scheduler.unscheduleJob(id);
        } catch (RuntimeException stopped) {
            // the scheduler has already stopped: the job is gone with it
            LOG.debugf("job %s not unscheduled: %s", id, stopped.toString());
        }
    }
}
