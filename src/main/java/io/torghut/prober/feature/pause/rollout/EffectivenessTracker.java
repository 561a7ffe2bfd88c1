package io.torghut.prober.feature.pause.rollout;

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
    /** Set by {@link #follow}: a pause found in git that this process has not judged yet. */
    private Runnable followedUnjudged;

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
        followedUnjudged = null;
        track(commit, clock.instant(), "waiting for Argo CD to roll out the pause");
    }

    /**
     * Follows a pause this process did not see being pushed (found in git after a restart, a push that landed after the
     * answer, a human's pause), measured from its commit time as if the prober had watched all along: the deadline, the
     * overdue finding and commit-to-effective all count from the commit. At the first check, {@code notInForce} runs
     * (once) unless the pause is already effective: it asks Argo CD to sync, which is pointless for a pause already
     * rolled out. A commit already followed is left as it is.
     *
     * @return true when this is a pause not followed before
     */
    public synchronized boolean follow(String commit, Instant committedAt, Runnable notInForce) {
        if (commit.equals(state.commit())) {
            return false;
        }
        followedUnjudged = notInForce;
        track(commit, committedAt, "found in git: waiting for the first check of the rollout");
        return true;
    }

    /** Git no longer pauses (a human resumed): nothing is in force to confirm any more. */
    public synchronized void clear(String why) {
        if (state.status() == EffectivenessStatus.NONE) {
            return;
        }
        LOG.infof("stopped following pause %s: %s", state.commit(), why);
        followedUnjudged = null;
        committedAt = null;
        state = new Effectiveness(EffectivenessStatus.NONE, null, null, null, why);
        pace.every(Optional.empty());
    }

    /** The commit being tracked, empty when no pause is. */
    public Optional<String> trackedCommit() {
        return Optional.ofNullable(state.commit());
    }

    private void track(String commit, Instant at, String detail) {
        committedAt = at;
        state = new Effectiveness(EffectivenessStatus.WAITING, commit, iso(at), null, detail);
        pace.every(Optional.of(confirmEvery));
    }

    /** One check: read the rollout when tracking (or when the live view is old) and update the state. */
    public synchronized void tick() {
        boolean tracking = state.status().tracking();
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
        Runnable followed = followedUnjudged;
        followedUnjudged = null;
        if (judgement.effective()) {
            effective(elapsed, judgement, followed != null);
            return;
        }
        if (followed != null) {
            followed.run();
        }
        if (elapsed.compareTo(deadline) > 0) {
            boolean first = state.status() != EffectivenessStatus.OVERDUE;
            String detail = "not effective " + elapsed.toSeconds() + "s after commit (deadline " + deadline.toSeconds() + "s): "
                    + judgement.detail();
            state = new Effectiveness(EffectivenessStatus.OVERDUE, state.commit(), state.committedAt(), null, detail);
            if (first) {
                LOG.warnf("pause commit %s %s", state.commit(), detail);
                onOverdue.accept(detail);
            }
        } else {
            state = new Effectiveness(EffectivenessStatus.WAITING, state.commit(), state.committedAt(), null, judgement.detail());
        }
    }

    /**
     * A pause found in git already in force at its first check was rolled out while no prober watched: when
     * its commit is older than the deadline, the time it took is unknown, and reporting the commit's age as
     * commit-to-effective would mislead (a day-old pause is not a day-long rollout); it is recorded as effective
     * without a duration. Within the deadline the elapsed time is an upper bound that keeps the same meaning.
     */
    private void effective(Duration elapsed, RolloutJudge.Judgement judgement, boolean firstCheckOfFollowed) {
        boolean unknown = firstCheckOfFollowed && elapsed.compareTo(deadline) > 0;
        String detail = unknown ? "already in force at the first check after it was found in git (commit " + elapsed.toSeconds()
                + "s old): " + judgement.detail() : judgement.detail();
        state = new Effectiveness(EffectivenessStatus.EFFECTIVE, state.commit(), state.committedAt(), unknown ? null : elapsed.toMillis() / 1000.0, detail);
        pace.every(Optional.empty());
        LOG.infof("pause effective %ds after commit %s: %s", elapsed.toSeconds(), state.commit(), detail);
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
