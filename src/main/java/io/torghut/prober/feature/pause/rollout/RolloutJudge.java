package io.torghut.prober.feature.pause.rollout;

import io.torghut.prober.shared.model.TradingFlag;

/**
 * Is the pause in force? Only when the newest revision is Ready, is the one Knative routes all traffic to, and says
 * TRADING_ENABLED=false: until then the old revision keeps trading. Pure.
 */
public final class RolloutJudge {
    private RolloutJudge() {
    }

    /** Whether the pause is effective, and if not, what is still missing (one line). */
    public record Judgement(boolean effective, String detail) {
    }

    public static Judgement judge(Rollout rollout) {
        if (!rollout.found()) {
            return new Judgement(false, "the Knative Service was not found");
        }
        if (rollout.latestCreated() == null || rollout.latestReady() == null) {
            return new Judgement(false, "no ready revision yet");
        }
        if (!rollout.latestCreated().equals(rollout.latestReady())) {
            return new Judgement(false, "revision " + rollout.latestCreated() + " is not Ready yet (traffic stays on "
                    + rollout.latestReady() + ")");
        }
        if (TradingFlag.parse(rollout.readyTradingEnabled()) != TradingFlag.DISABLED) {
            return new Judgement(false, "the ready revision " + rollout.latestReady() + " has TRADING_ENABLED="
                    + (rollout.readyTradingEnabled() == null ? "<unset>" : rollout.readyTradingEnabled())
                    + " (Argo CD has not applied the pause yet)");
        }
        long percent = rollout.traffic().getOrDefault(rollout.latestReady(), 0L);
        if (percent < 100) {
            return new Judgement(false, "revision " + rollout.latestReady() + " receives " + percent + "% of the traffic, not 100%");
        }
        return new Judgement(true, "revision " + rollout.latestReady() + " is Ready with TRADING_ENABLED=false and takes all traffic");
    }
}
