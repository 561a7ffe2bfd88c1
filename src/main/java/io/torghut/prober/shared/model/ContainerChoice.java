package io.torghut.prober.shared.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which container is Torghut's, for every reader and for the editor alike (the GitOps manifest, the live revisions
 * and their pods): the configured name when one is set; otherwise the container named {@code user-container};
 * otherwise the one container that declares ports (Knative routes traffic to exactly that one); otherwise the only
 * container. Anything else is ambiguous, and nothing is chosen. Pure.
 */
public final class ContainerChoice {
    /** Knative's name for the serving container when a manifest names none. */
    public static final String DEFAULT_NAME = "user-container";

    private ContainerChoice() {
    }

    /** A container as the chooser sees it. */
    public record Candidate(String name, boolean servesPort) {
    }

    /** The chosen index, or why none was chosen. */
    public record Choice(OptionalInt index, String problem) {
        static Choice of(int index) {
            return new Choice(OptionalInt.of(index), "");
        }

        static Choice none(String problem) {
            return new Choice(OptionalInt.empty(), problem);
        }
    }

    public static Choice choose(List<Candidate> containers, Optional<String> configured) {
        if (containers.isEmpty()) {
            return Choice.none("spec.template.spec.containers is empty");
        }
        if (configured.isPresent()) {
            int index = indexOf(containers, configured.get());
            return index < 0 ? Choice.none("no container named '" + configured.get() + "' (containers: " + names(containers) + ")")
                    : Choice.of(index);
        }
        int named = indexOf(containers, DEFAULT_NAME);
        if (named >= 0) {
            return Choice.of(named);
        }
        List<Integer> serving = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            if (containers.get(i).servesPort()) {
                serving.add(i);
            }
        }
        if (serving.size() == 1) {
            return Choice.of(serving.get(0));
        }
        if (containers.size() == 1) {
            return Choice.of(0);
        }
        return Choice.none("cannot tell which container serves the port (containers: " + names(containers)
                + "); set prober.target.container (PROBER_TARGET_CONTAINER)");
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
        return String.join(", ", containers.stream().map(c -> c.name() == null || c.name().isEmpty() ? "<unnamed>" : c.name()).toList());
    }
}
