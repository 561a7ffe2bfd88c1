package io.torghut.prober.shared;

import java.util.Locale;

/** Why a probe failed: a small fixed set, safe as a metric label. */
public enum FailureReason {
    NONE,
    /** No answer within the probe's timeout. */
    TIMEOUT,
    /** Connection refused or reset before an answer. */
    CONNECT,
    /** The host name did not resolve. */
    DNS,
    /** TLS handshake or certificate failure. */
    TLS,
    HTTP_4XX,
    HTTP_5XX,
    /** The server rejected the credentials. */
    AUTH,
    /** The data is older than its maximum age. */
    STALE,
    /** The query answered but there is no data to judge (empty table): unknown, counted as stale. */
    NO_DATA,
    /** The answer could not be understood. */
    PARSE,
    /** The server answered the query with an error. */
    QUERY,
    /** Postgres answered but is a replica in recovery, not the primary. */
    NOT_PRIMARY,
    /** The probe cannot run as configured (missing DSN, bad URL). */
    CONFIG,
    /** Anything else; the detail says what. */
    ERROR;

    /** The label value: lower case, e.g. {@code http_5xx}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
