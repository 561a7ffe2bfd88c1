package io.torghut.prober.boot.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Map-shaped keys from environment variables. SmallRye maps {@code PROBER_HTTP_MY_TARGET_URL} back to a dotted key
 * only when some other source already names that key, so an extra HTTP target set only in the environment was
 * silently dropped. This reads the variable as prefix + name + leaf (the leaf is the longest known one that ends the
 * variable: {@code URL}, {@code MAX_AGE}, ...) and declares {@code prober.http.my_target.url}. The name keeps its
 * {@code _} (log-signature ids, which only allow {@code -}, get {@code -}); a name already spelled in
 * application.properties or the YAML file ({@link LocatedYamlNames}) keeps that spelling, so
 * {@code PROBER_HTTP_MY_TARGET_TIMEOUT} overrides {@code prober.http.my-target.timeout} rather than creating a second
 * target.
 */
public class EnvMapKeys implements ConfigSourceFactory {
    /** Ordinal just below the environment's 300: the environment source itself still answers the same keys. */
    static final int ORDINAL = 295;

    /** A map-shaped key: its prefix, the leaf keys of one entry, and whether names use '-' for '_'. */
    record Shape(String prefix, List<String> leaves, boolean dashes) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("prober.http.", List.of("url", "interval", "timeout", "expected-status"), false),
            new Shape("prober.freshness.tables.", List.of("table", "column", "max-age"), false),
            new Shape("prober.kubernetes.log-signatures.", List.of("regex", "finding", "dependency", "enabled"), true));

    private final Map<String, String> env;

    /** Reads the process environment (the ServiceLoader's constructor). */
    public EnvMapKeys() {
        this(System.getenv());
    }

    /** Reads the given variables instead of the process environment (tests). */
    EnvMapKeys(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> names = new ArrayList<>(LocatedYamlNames.of(context));
        context.iterateNames().forEachRemaining(names::add);
        return List.of(new PropertiesConfigSource(derive(env, names.iterator()), "environment map keys", ORDINAL));
    }

    /** The dotted keys the map-shaped environment variables stand for, with their values. */
    static Map<String, String> derive(Map<String, String> env, Iterator<String> existingNames) {
        Map<String, String> spelled = new HashMap<>();
        existingNames.forEachRemaining(name -> {
            for (Shape shape : SHAPES) {
                if (name.startsWith(shape.prefix())) {
                    String key = name.substring(shape.prefix().length()).split("\\.", 2)[0];
                    spelled.putIfAbsent(shape.prefix() + envForm(key), key);
                }
            }
        });
        Map<String, String> keys = new HashMap<>();
        env.forEach((variable, value) -> {
            for (Shape shape : SHAPES) {
                String envPrefix = envForm(shape.prefix());
                if (!variable.startsWith(envPrefix)) {
                    continue;
                }
                String rest = variable.substring(envPrefix.length());
                shape.leaves().stream().sorted(Comparator.comparingInt(String::length).reversed())
                        .filter(leaf -> rest.endsWith("_" + envForm(leaf)) && rest.length() > envForm(leaf).length() + 1)
                        .findFirst().ifPresent(leaf -> {
                            String middle = rest.substring(0, rest.length() - envForm(leaf).length() - 1);
                            String name = spelled.getOrDefault(shape.prefix() + middle, defaultName(middle, shape));
                            keys.put(shape.prefix() + name + "." + leaf, value);
                        });
            }
        });
        return keys;
    }

    private static String defaultName(String middle, Shape shape) {
        String lower = middle.toLowerCase(Locale.ROOT);
        return shape.dashes() ? lower.replace('_', '-') : lower;
    }

    /** SmallRye's environment form of a key: upper case, every character other than a letter or digit as '_'. */
    static String envForm(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return out.toString();
    }
}
