package io.torghut.prober.feature.target;

import io.torghut.prober.shared.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@code prober.target.*} from the new keys, then from the old keys they replace (kept for one release), then
 * from the defaults. Every old key that still decides something, or that disagrees with the new key and is ignored,
 * yields one warning naming the new key. Pure.
 */
public final class TargetResolver {
    static final String DEFAULT_NAMESPACE = "torghut";
    static final String DEFAULT_SERVICE = "torghut";
    static final String DEFAULT_CNPG_CLUSTER = "torghut-db";

    /** Old keys per new key, in precedence order. */
    static final Map<String, List<String>> LEGACY = Map.of(
            "prober.target.namespace", List.of("prober.kubernetes.namespace", "prober.pause.knative.namespace"),
            "prober.target.service", List.of("prober.kubernetes.service", "prober.pause.knative.service"),
            "prober.target.container", List.of("prober.kubernetes.container", "prober.gitops.container"),
            "prober.target.cnpg-cluster", List.of("prober.kubernetes.cnpg-cluster"),
            "prober.target.manifest-path", List.of("prober.gitops.manifest-path"));

    /** Old keys' defaults: an old key at its default was not set by anyone. */
    static final Map<String, String> LEGACY_DEFAULTS = Map.of(
            "prober.kubernetes.namespace", DEFAULT_NAMESPACE, "prober.pause.knative.namespace", DEFAULT_NAMESPACE,
            "prober.kubernetes.service", DEFAULT_SERVICE, "prober.pause.knative.service", DEFAULT_SERVICE,
            "prober.kubernetes.container", "user-container", "prober.gitops.container", "",
            "prober.kubernetes.cnpg-cluster", DEFAULT_CNPG_CLUSTER, "prober.gitops.manifest-path", Contract.MANIFEST_PATH);

    /** The target and the warnings to log. */
    public record Resolution(Target target, List<String> warnings) {
    }

    private TargetResolver() {
    }

    /** @param legacy reads an old key's current value (empty when unset) */
    public static Resolution resolve(TargetConfig config, Function<String, Optional<String>> legacy) {
        List<String> warnings = new ArrayList<>();
        String namespace = pick("prober.target.namespace", config.namespace(), legacy, warnings).orElse(DEFAULT_NAMESPACE);
        String service = pick("prober.target.service", config.service(), legacy, warnings).orElse(DEFAULT_SERVICE);
        Optional<String> container = pick("prober.target.container", config.container(), legacy, warnings);
        String cnpg = pick("prober.target.cnpg-cluster", config.cnpgCluster(), legacy, warnings).orElse(DEFAULT_CNPG_CLUSTER);
        String manifest = pick("prober.target.manifest-path", config.manifestPath(), legacy, warnings).orElse(Contract.MANIFEST_PATH);
        return new Resolution(new Target(namespace, service, container, cnpg, manifest), List.copyOf(warnings));
    }

    private static Optional<String> pick(String key, Optional<String> value, Function<String, Optional<String>> legacy,
                                         List<String> warnings) {
        Optional<String> chosen = value.map(String::strip).filter(v -> !v.isEmpty());
        for (String old : LEGACY.get(key)) {
            Optional<String> oldValue = legacy.apply(old).map(String::strip)
                    .filter(v -> !v.isEmpty() && !v.equals(LEGACY_DEFAULTS.get(old)));
            if (oldValue.isEmpty()) {
                continue;
            }
            if (chosen.isEmpty()) {
                chosen = oldValue;
                warnings.add(old + " is deprecated and will be removed in the next release: set " + key + " ("
                        + envName(key) + ") instead; using " + old + "=" + oldValue.get());
            } else if (!chosen.get().equals(oldValue.get())) {
                warnings.add(old + "=" + oldValue.get() + " is ignored: " + key + "=" + chosen.get() + " decides; remove " + old);
            } else {
                warnings.add(old + " is deprecated and will be removed in the next release: remove it, " + key + " already says the same");
            }
        }
        return chosen;
    }

    static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
