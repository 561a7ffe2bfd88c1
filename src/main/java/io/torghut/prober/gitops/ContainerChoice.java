package io.torghut.prober.gitops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which container of the Knative Service gets {@code TRADING_ENABLED}: the configured name when one is set; otherwise
 * the container named {@code user-container}; otherwise the one container that declares ports (Knative routes traffic
 * to exactly that one); otherwise the only container. Anything else is ambiguous and refused. Pure.
 */
public final class ContainerChoice {
    /** Knative's name for the serving container when a manifest names none. */
    public static final String DEFAULT_NAME = "user-container";

    private ContainerChoice() {
    }

    /** A container as the chooser sees it. */
    public record Candidate(String name, boolean servesPort) {
    }

    /** Index of the chosen container, empty when none can be chosen (for reading live revisions). */
    public static java.util.OptionalInt pick(List<Candidate> containers, Optional<String> configured) {
        try {
            return java.util.OptionalInt.of(choose(containers, configured));
        } catch (ManifestRefusal none) {
            return java.util.OptionalInt.empty();
        }
    }

    /** Index of the chosen container, or the reason none can be chosen. */
    static int choose(List<Candidate> containers, Optional<String> configured) throws ManifestRefusal {
        if (containers.isEmpty()) {
            throw new ManifestRefusal("spec.template.spec.containers is empty");
        }
        if (configured.isPresent()) {
            int index = indexOf(containers, configured.get());
            if (index < 0) {
                throw new ManifestRefusal("no container named '" + configured.get() + "' (containers: " + names(containers) + ")");
            }
            return index;
        }
        int named = indexOf(containers, DEFAULT_NAME);
        if (named >= 0) {
            return named;
        }
        List<Integer> serving = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            if (containers.get(i).servesPort()) {
                serving.add(i);
            }
        }
        if (serving.size() == 1) {
            return serving.get(0);
        }
        if (containers.size() == 1) {
            return 0;
        }
        throw new ManifestRefusal("cannot tell which container serves the port (containers: " + names(containers)
                + "); set prober.gitops.container (GITOPS_CONTAINER)");
    }

    private static int indexOf(List<Candidate> containers, String name) {
        for (int i = 0; i < containers.size(); i++) {
            if (name.equals(containers.get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    private static String names(List<Candidate> containers) {
        return String.join(", ", containers.stream().map(c -> c.name() == null ? "<unnamed>" : c.name()).toList());
    }
}
