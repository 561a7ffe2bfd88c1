package io.torghut.prober.pause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Follows a triggered pause until it is in force ({@link RolloutJudge}), and raises a finding once when it is not
 * within the deadline. It reads the stored Knative observation ({@link StoredRollout}), never the API itself; while
 * it confirms a pause it asks the reader for a faster cadence ({@link LiveReadPace}). {@link #tick()} is called by a
 * scheduler.
 */
public final class EffectivenessTracker {
    private static final Logger LOG = Logger.getLogger(EffectivenessTracker.class);
    private final RolloutReader reader;
    private final Clock clock;
    private final Duration deadline;
    private final Duration liveEvery;
    private final Consumer<String> onOverdue;
    private final LiveReadPace pace;
    private final Duration confirmEvery;
    private volatile Effectiveness state = Effectiveness.NONE;
    private volatile Instant committedAt;
    private volatile Optional<Rollout> live = Optional.empty();
    private volatile String liveError = "not read yet";
    private volatile Instant lastRead = Instant.EPOCH;

    /** @param onOverdue told once per pause when the deadline passes (Event, log) */
    public EffectivenessTracker(RolloutReader reader, Clock clock, Duration deadline, Duration liveEvery, Consumer<String> onOverdue) {
        this(reader, clock, deadline, liveEvery, onOverdue, LiveReadPace.NONE, liveEvery);
    }

    /**
     * @param pace         asked for reads every {@code confirmEvery} while a pause is being confirmed
     * @param confirmEvery the reader's cadence meanwhile
     */
    public EffectivenessTracker(RolloutReader reader, Clock clock, Duration deadline, Duration liveEvery, Consumer<String> onOverdue,
                                LiveReadPace pace, Duration confirmEvery) {
        this.pace = pace;
        this.confirmEvery = confirmEvery;
        this.reader = reader;
        this.clock = clock;
        this.deadline = deadline;
        this.liveEvery = liveEvery;
        this.onOverdue = onOverdue;
    }

    public synchronized void start(String commit) {
        committedAt = clock.instant();
        state = new Effectiveness("waiting", commit, iso(committedAt), null, "waiting for Argo CD to roll out the pause");
        pace.every(Optional.of(confirmEvery));
    }

    /** One check: read the rollout when tracking (or when the live view is old) and update the state. */
    public synchronized void tick() {
        boolean tracking = "waiting".equals(state.status()) || "overdue".equals(state.status());
        Instant now = clock.instant();
        if (!tracking && Duration.between(lastRead, now).compareTo(liveEvery) < 0) {
            return;
        }
        lastRead = now;
        RolloutJudge.Judgement judgement;
        try {
            Rollout rollout = reader.read();
            live = Optional.of(rollout);
            liveError = null;
            judgement = RolloutJudge.judge(rollout);
        } catch (Exception e) {
            liveError = "cannot read the Knative Service: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            judgement = new RolloutJudge.Judgement(false, liveError);
        }
        if (!tracking) {
            return;
        }
        Duration elapsed = Duration.between(committedAt, now);
        if (judgement.effective()) {
            state = new Effectiveness("effective", state.commit(), state.committedAt(), elapsed.toMillis() / 1000.0, judgement.detail());
            pace.every(Optional.empty());
            LOG.infof("pause effective %ds after commit %s: %s", elapsed.toSeconds(), state.commit(), judgement.detail());
        } else if (elapsed.compareTo(deadline) > 0) {
            boolean first = !"overdue".equals(state.status());
            String detail = "not effective " + elapsed.toSeconds() + "s after commit (deadline " + deadline.toSeconds() + "s): "
                    + judgement.detail();
            state = new Effectiveness("overdue", state.commit(), state.committedAt(), null, detail);
            if (first) {
                LOG.warnf("pause commit %s %s", state.commit(), detail);
                onOverdue.accept(detail);
            }
        } else {
            state = new Effectiveness("waiting", state.commit(), state.committedAt(), null, judgement.detail());
        }
    }

    public Effectiveness state() {
        return state;
    }

    public Optional<Rollout> live() {
        return live;
    }

    /** Why the live state is unknown, empty when the last read worked. */
    public Optional<String> liveError() {
        return Optional.ofNullable(liveError);
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
