package io.torghut.prober.boot.config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Warns at startup about every {@code PROBER_*} / {@code GITOPS_*} environment variable that maps to no key: a typo
 * ({@code PROBER_FRESHNES_INTERVAL}) would otherwise be ignored without a word. Known are the keys of the mappings
 * ({@link KnownKeys}), every key another source (application.properties, the YAML file) names, and the variables
 * application.properties reads by name ({@code ${GITOPS_REPO_URL:}}). Also about a variable whose key the mounted YAML
 * file sets too, since the file wins. Only names are logged, never values.
 */
@Singleton
public class EnvironmentWarnings {
    private static final Logger LOG = Logger.getLogger(EnvironmentWarnings.class);
    private static final Pattern OURS = Pattern.compile("(PROBER|GITOPS)_.*", Pattern.DOTALL);
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

    void warn(@Observes StartupEvent event, Config config) {
        unknown(System.getenv().keySet(), known(config)).forEach(LOG::warn);
        shadowed(System.getenv().keySet(), config).forEach(LOG::warn);
    }

    /**
     * Variables whose key the YAML file of {@code quarkus.config.locations} also sets: SmallRye reads that file at the
     * ordinal of the variable naming it (QUARKUS_CONFIG_LOCATIONS, 300) and after the environment, so the file wins.
     */
    static List<String> shadowed(Set<String> variables, Config config) {
        SmallRyeConfig smallrye = config.unwrap(SmallRyeConfig.class);
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(toSet(config.getPropertyNames()))) {
            String variable = EnvMapKeys.envForm(name);
            if (!variables.contains(variable) || !OURS.matcher(variable).matches()) {
                continue;
            }
            String source;
            try {
                source = smallrye.getConfigValue(name).getSourceName();
            } catch (RuntimeException unresolvable) {
                continue; // reported by whatever reads the key
            }
            if (source != null && source.startsWith("YamlConfigSource")) {
                warnings.add("environment variable " + variable + " is ignored: " + name + " is set in the YAML file ("
                        + source.replaceAll("^YamlConfigSource\\[source=(.*)\\]$", "$1") + "), which takes precedence");
            }
        }
        return warnings;
    }

    private static Set<String> toSet(Iterable<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEach(set::add);
        return set;
    }

    /** Environment forms of every key named by a source, and variables read by name in expressions. */
    static Set<String> known(Config config) {
        Set<String> known = new TreeSet<>();
        SmallRyeConfig smallrye = config.unwrap(SmallRyeConfig.class);
        for (String name : config.getPropertyNames()) {
            known.add(EnvMapKeys.envForm(name));
            String raw;
            try {
                raw = smallrye.getConfigValue(name).getRawValue();
            } catch (RuntimeException unresolvable) {
                continue; // reported by whatever reads the key
            }
            if (raw != null) {
                Matcher m = EXPRESSION.matcher(raw);
                while (m.find()) {
                    known.add(m.group(1));
                }
            }
        }
        return known;
    }

    /** One warning per unknown variable, with the closest known key when one is near (a typo). */
    static List<String> unknown(Set<String> variables, Set<String> known) {
        List<Pattern> mapped = KnownKeys.environmentPatterns();
        List<String> warnings = new ArrayList<>();
        for (String variable : new TreeSet<>(variables)) {
            if (!OURS.matcher(variable).matches() || known.contains(variable)
                    || mapped.stream().anyMatch(p -> p.matcher(variable).matches())) {
                continue;
            }
            String name = variable.replaceAll("[^A-Za-z0-9_]", "?");
            String hint = closest(name, known).map(k -> "; did you mean " + k + "?").orElse("");
            warnings.add("environment variable " + name + " maps to no configuration key and is ignored" + hint);
        }
        return warnings;
    }

    private static java.util.Optional<String> closest(String name, Set<String> known) {
        String best = null;
        int bestDistance = 4;
        for (String candidate : known) {
            if (!OURS.matcher(candidate).matches()) {
                continue;
            }
            int d = distance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int previous = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int current = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), previous + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                previous = current;
            }
        }
        return row[b.length()];
    }
}
