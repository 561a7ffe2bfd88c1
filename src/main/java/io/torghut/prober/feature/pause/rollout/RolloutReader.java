package io.torghut.prober.feature.pause.rollout;

/** The live Knative Service and its latest ready Revision, as last observed ({@link StoredRollout}). */
public interface RolloutReader {
    /** Throws on API errors and timeouts; the caller records them as "unknown". */
    Rollout read() throws Exception;
}
