package io.torghut.prober.pause;

/**
 * Reads the live Knative Service and its latest ready Revision. Kept behind this interface: the Knative readers of
 * package {@code k8s} can implement it later.
 */
public interface RolloutReader {
    /** Throws on API errors and timeouts; the caller records them as "unknown". */
    Rollout read() throws Exception;
}
