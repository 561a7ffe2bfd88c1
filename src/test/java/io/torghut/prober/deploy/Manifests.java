package io.torghut.prober.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** Objects rendered by {@code kubectl kustomize} (the kustomize a user's kubectl embeds), with lookups for assertions. */
record Manifests(List<Map<String, Object>> objects) {
    static final String EXAMPLE_OVERLAY = "k8s/overlays/example";

    /** Renders a kustomization directory relative to the project root. */
    @SuppressWarnings("unchecked")
    static Manifests render(String dir) {
        ExternalCommand kustomize = ExternalCommand.run(Duration.ofSeconds(60), null, "kubectl", "kustomize", dir);
        assertEquals(0, kustomize.exitCode(), "kubectl kustomize " + dir + ": " + kustomize.output());
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(kustomize.output().replaceAll("(?m)^# Warning:.*$", ""))) {
            if (doc != null) {
                objects.add((Map<String, Object>) doc);
            }
        }
        return new Manifests(objects);
    }

    /**
     * The example overlay as a user copies it next to their other overlays, with {@code namespace:} changed: a copy in
     * {@code target/kustomize/<namespace>}, its {@code ../../} references pointed back at {@code k8s/}.
     */
    static Manifests exampleOverlayIn(String namespace) {
        Path copy = Path.of("target", "kustomize", namespace);
        try {
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.list(Path.of(EXAMPLE_OVERLAY))) {
                for (Path file : files.toList()) {
                    String text = Files.readString(file);
                    if (file.getFileName().toString().equals("kustomization.yaml")) {
                        assertTrue(text.contains("\nnamespace: torghut\n"), "the example overlay sets namespace: torghut");
                        text = text.replace("\nnamespace: torghut\n", "\nnamespace: " + namespace + "\n").replace("../../", "../../../k8s/");
                    }
                    Files.writeString(copy.resolve(file.getFileName()), text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return render(copy.toString());
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = ofKind(kind);
        assertEquals(1, found.size(), "exactly one " + kind);
        return found.get(0);
    }

    Map<String, Object> named(String kind, String name) {
        List<Map<String, Object>> found = ofKind(kind).stream().filter(o -> name.equals(metadata(o).get("name"))).toList();
        assertEquals(1, found.size(), kind + " " + name);
        return found.get(0);
    }

    Map<String, Object> deploymentContainer() {
        return list(podSpec(), "containers").get(0);
    }

    Map<String, Object> podSpec() {
        return map(map(map(only("Deployment"), "spec"), "template"), "spec");
    }

    static Map<String, Object> metadata(Map<String, Object> object) {
        return map(object, "metadata");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, key + " is not a mapping in " + parent.keySet());
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, key + " is not a list in " + parent.keySet());
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, key + " is not a list in " + parent.keySet());
        return (List<String>) value;
    }
}
