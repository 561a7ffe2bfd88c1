package io.torghut.prober.feature.pause.manifest;

import io.torghut.prober.shared.model.ContainerChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds, in the parsed manifest, the Knative Service document and the container whose environment the pause edits.
 * Refuses anything else (another kind, no containers, an unknown container name) with a reason oncall can act on.
 */
final class KnativeServiceLocator {
    private KnativeServiceLocator() {
    }

    /** Where the container is: document index (for the verification), container index, and the nodes around it. */
    record Target(int document, int index, String name, MappingNode container, Node containersKey, SequenceNode containers) {
    }

    static Target locate(String text, Optional<String> configured) throws ManifestRefusal {
        List<Node> documents = new ArrayList<>();
        for (Node document : new Compose(LoadSettings.builder().setUseMarks(true).build()).composeAllFromString(text)) {
            documents.add(document);
        }
        int found = -1;
        for (int i = 0; i < documents.size(); i++) {
            if (isKnativeService(documents.get(i))) {
                if (found >= 0) {
                    throw new ManifestRefusal("the file holds more than one Knative Service; refusing to guess which one");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new ManifestRefusal("not a Knative Service (expected apiVersion serving.knative.dev/v1 and kind Service)");
        }
        Node podSpec = YamlText.get(YamlText.get(YamlText.get(documents.get(found), "spec"), "template"), "spec");
        if (!(podSpec instanceof MappingNode podMapping)) {
            throw new ManifestRefusal("the Knative Service has no spec.template.spec");
        }
        NodeTuple containersTuple = YamlText.tuple(podMapping, "containers");
        if (containersTuple == null || !(containersTuple.getValueNode() instanceof SequenceNode containers)) {
            throw new ManifestRefusal("the Knative Service has no spec.template.spec.containers list");
        }
        List<ContainerChoice.Candidate> candidates = new ArrayList<>();
        for (Node item : containers.getValue()) {
            if (!(item instanceof MappingNode)) {
                throw new ManifestRefusal("an entry of spec.template.spec.containers is not a mapping");
            }
            Node ports = YamlText.get(item, "ports");
            boolean serves = ports instanceof SequenceNode seq && !seq.getValue().isEmpty();
            candidates.add(new ContainerChoice.Candidate(YamlText.scalar(YamlText.get(item, "name")), serves));
        }
        ContainerChoice.Choice choice = ContainerChoice.choose(candidates, configured);
        int index = choice.index().orElseThrow(() -> new ManifestRefusal(choice.problem()));
        MappingNode container = (MappingNode) containers.getValue().get(index);
        String name = candidates.get(index).name() == null ? "#" + index : candidates.get(index).name();
        return new Target(found, index, name, container, containersTuple.getKeyNode(), containers);
    }

    private static boolean isKnativeService(Node document) {
        String apiVersion = YamlText.scalar(YamlText.get(document, "apiVersion"));
        return apiVersion != null && apiVersion.startsWith("serving.knative.dev/")
                && "Service".equals(YamlText.scalar(YamlText.get(document, "kind")));
    }
}
