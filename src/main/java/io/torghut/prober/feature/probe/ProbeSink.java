package io.torghut.prober.feature.probe;

/**
 * Where the runner hands every finished, redacted result. The signal store is one; the runner knows nothing of what
 * consumers do with the results, so data flows one way: probe, runner, sink.
 */
@FunctionalInterface
public interface ProbeSink {
    void accept(ProbeResult result);
}
