package io.torghut.prober.feature.verdict;

import java.util.Optional;

/**
 * Whether Torghut is currently trading. The policy needs it: {@code /trading/health} only has to pass while trading
 * is enabled, and a pause is only worth recommending when trading is on.
 */
public interface TradingStateSource {

    /** True/false when known, empty when it cannot be read right now (the policy then assumes enabled: the safe side). */
    Optional<Boolean> tradingEnabled();

    /** Where the answer comes from, for /diagnose. */
    String describe();
}
