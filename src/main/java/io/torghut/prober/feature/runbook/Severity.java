package io.torghut.prober.feature.runbook;

/** How urgent a finding is; most severe first. Written into /diagnose JSON, hence registered for native reflection. */
@io.quarkus.runtime.annotations.RegisterForReflection
public enum Severity {
    /** Trading or the service is affected now. */
    CRITICAL,
    /** Something is wrong but still served (an older revision serves, one replica down, the prober is blind). */
    WARNING,
    /** Worth knowing, nothing to do for trading (an extra target failing). */
    INFO
}
