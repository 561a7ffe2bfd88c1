package io.torghut.prober.feature.probe;

/** What a signal means for trading; the policy weighs failures by role. */
public enum SignalRole {
    /** Torghut itself answers ({@code /healthz}). */
    SERVICE,
    /** Torghut's own view of its trading dependencies ({@code /trading/health}); counts only while trading is enabled. */
    TRADING,
    /** A dependency Torghut trades on (ClickHouse, Postgres). */
    DEPENDENCY,
    /** Data freshness; counts only during the trading session. */
    FRESHNESS,
    /** An extra target configured by the user; degrades, never pauses. */
    EXTRA
}
