package io.torghut.prober.boot.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The key names of the YAML files named by {@code quarkus.config.locations} (the ConfigMap k8s/base mounts).
 * {@link EnvMapKeys} must spell a map entry the way that file does ({@code my-target}), but SmallRye never shows a
 * source factory the sources of another factory, and the YAML file is loaded by one: so its names are read here.
 * Only local files and directories count; anything unreadable is left to SmallRye, which reports it when it loads.
 */
final class LocatedYamlNames {
    private static final List<String> LOCATION_KEYS = List.of("smallrye.config.locations", "quarkus.config.locations");

    private LocatedYamlNames() {
    }

    static Set<String> of(ConfigSourceContext context) {
        Set<String> names = new TreeSet<>();
        for (String key : LOCATION_KEYS) {
            ConfigValue value = context.getValue(key);
            if (value != null && value.getValue() != null) {
                for (String location : value.getValue().split(",")) {
                    yamlFiles(location.trim()).forEach(file -> names.addAll(namesIn(file)));
                }
            }
        }
        return names;
    }

    /** The YAML files a location stands for: the file itself, or the .yaml/.yml files of a directory. */
    static List<Path> yamlFiles(String location) {
        Path path;
        try {
            path = location.startsWith("file:") ? Path.of(URI.create(location)) : location.contains(":") ? null : Path.of(location);
        } catch (RuntimeException notALocalPath) {
            return List.of();
        }
        if (path == null) {
            return List.of();
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                return files.filter(LocatedYamlNames::isYaml).filter(Files::isRegularFile).sorted().toList();
            } catch (IOException unreadable) {
                return List.of();
            }
        }
        return isYaml(path) && Files.isRegularFile(path) ? List.of(path) : List.of();
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<String> namesIn(Path file) {
        try {
            return new ArrayList<>(new YamlConfigSource(file.toUri().toURL()).getPropertyNames());
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }
}
