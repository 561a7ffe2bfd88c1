package io.torghut.prober.feature.probe;

import java.util.List;

/**
 * A capability that adds probes beyond the core ones (Kubernetes readers, for example). Every bean implementing it
 * is asked once at startup; its probes are registered in the store and scheduled like the others.
 */
public interface ProbeContributor {
    List<ScheduledProbe> probes();
}
