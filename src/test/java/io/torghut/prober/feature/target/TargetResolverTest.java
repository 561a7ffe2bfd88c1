package io.torghut.prober.feature.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The old keys {@code prober.kubernetes.*}, {@code prober.pause.knative.*} and {@code prober.gitops.container} /
 * {@code .manifest-path} still work for one release: each row gives the new and old keys set, the value the target
 * uses, and the exact warnings (each naming the key to use instead).
 */
class TargetResolverTest {
    private static final String NEXT = " is deprecated and will be removed in the next release: ";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("nothing set: the defaults, no warning", Map.of(), Map.of(),
                        "torghut", "torghut", "", "torghut-db", "argocd/applications/torghut/knative-service.yaml", List.of()),
                row("prober.kubernetes.namespace alone decides", Map.of(), Map.of("prober.kubernetes.namespace", "trading"),
                        "trading", "torghut", "", "torghut-db", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.kubernetes.namespace" + NEXT + "set prober.target.namespace (PROBER_TARGET_NAMESPACE) instead;"
                                + " using prober.kubernetes.namespace=trading")),
                row("prober.pause.knative.namespace alone decides", Map.of(), Map.of("prober.pause.knative.namespace", "trading"),
                        "trading", "torghut", "", "torghut-db", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.pause.knative.namespace" + NEXT + "set prober.target.namespace (PROBER_TARGET_NAMESPACE) instead;"
                                + " using prober.pause.knative.namespace=trading")),
                row("prober.kubernetes.service alone decides", Map.of(), Map.of("prober.kubernetes.service", "torghut-v2"),
                        "torghut", "torghut-v2", "", "torghut-db", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.kubernetes.service" + NEXT + "set prober.target.service (PROBER_TARGET_SERVICE) instead;"
                                + " using prober.kubernetes.service=torghut-v2")),
                row("prober.pause.knative.service alone decides", Map.of(), Map.of("prober.pause.knative.service", "torghut-v2"),
                        "torghut", "torghut-v2", "", "torghut-db", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.pause.knative.service" + NEXT + "set prober.target.service (PROBER_TARGET_SERVICE) instead;"
                                + " using prober.pause.knative.service=torghut-v2")),
                row("prober.kubernetes.container alone decides", Map.of(), Map.of("prober.kubernetes.container", "app"),
                        "torghut", "torghut", "app", "torghut-db", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.kubernetes.container" + NEXT + "set prober.target.container (PROBER_TARGET_CONTAINER) instead;"
                                + " using prober.kubernetes.container=app")),
                row("prober.gitops.container alone decides", Map.of(), Map.of("prober.gitops.container", "app"),
                        "torghut", "torghut", "app", "torghut-db", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.gitops.container" + NEXT + "set prober.target.container (PROBER_TARGET_CONTAINER) instead;"
                                + " using prober.gitops.container=app")),
                row("prober.kubernetes.cnpg-cluster alone decides", Map.of(), Map.of("prober.kubernetes.cnpg-cluster", "pg-main"),
                        "torghut", "torghut", "", "pg-main", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.kubernetes.cnpg-cluster" + NEXT + "set prober.target.cnpg-cluster (PROBER_TARGET_CNPG_CLUSTER)"
                                + " instead; using prober.kubernetes.cnpg-cluster=pg-main")),
                row("prober.gitops.manifest-path alone decides", Map.of(), Map.of("prober.gitops.manifest-path", "apps/torghut/ksvc.yaml"),
                        "torghut", "torghut", "", "torghut-db", "apps/torghut/ksvc.yaml",
                        List.of("prober.gitops.manifest-path" + NEXT + "set prober.target.manifest-path (PROBER_TARGET_MANIFEST_PATH)"
                                + " instead; using prober.gitops.manifest-path=apps/torghut/ksvc.yaml")),
                row("the new key wins over a disagreeing old one, which is named as ignored",
                        Map.of("namespace", "trading"), Map.of("prober.kubernetes.namespace", "legacy-ns"),
                        "trading", "torghut", "", "torghut-db", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.kubernetes.namespace=legacy-ns is ignored: prober.target.namespace=trading decides;"
                                + " remove prober.kubernetes.namespace")),
                row("an old key saying the same as the new one: remove it",
                        Map.of("container", "app"), Map.of("prober.gitops.container", "app"),
                        "torghut", "torghut", "app", "torghut-db", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.gitops.container" + NEXT + "remove it, prober.target.container already says the same")),
                row("two old keys that disagree: the first in precedence decides, the second is ignored",
                        Map.of(), Map.of("prober.kubernetes.service", "a", "prober.pause.knative.service", "b"),
                        "torghut", "a", "", "torghut-db", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.kubernetes.service" + NEXT + "set prober.target.service (PROBER_TARGET_SERVICE) instead;"
                                        + " using prober.kubernetes.service=a",
                                "prober.pause.knative.service=b is ignored: prober.target.service=a decides; remove prober.pause.knative.service")),
                row("old keys at their defaults (application.properties sets them) or blank: nobody set them, no warning",
                        Map.of(), Map.of("prober.kubernetes.namespace", "torghut", "prober.kubernetes.container", "user-container",
                                "prober.gitops.container", "  ", "prober.gitops.manifest-path", "argocd/applications/torghut/knative-service.yaml"),
                        "torghut", "torghut", "", "torghut-db", "argocd/applications/torghut/knative-service.yaml", List.of()),
                row("values are stripped; a blank new key falls back to the old one",
                        Map.of("cnpg-cluster", " "), Map.of("prober.kubernetes.cnpg-cluster", " pg-main "),
                        "torghut", "torghut", "", "pg-main", "argocd/applications/torghut/knative-service.yaml",
                        List.of("prober.kubernetes.cnpg-cluster" + NEXT + "set prober.target.cnpg-cluster (PROBER_TARGET_CNPG_CLUSTER)"
                                + " instead; using prober.kubernetes.cnpg-cluster=pg-main")));
    }

    private static Arguments row(String name, Map<String, String> target, Map<String, String> legacy, String namespace, String service,
                                 String container, String cnpg, String manifest, List<String> warnings) {
        return Arguments.of(name, target, legacy, new Target(namespace, service, Optional.of(container).filter(c -> !c.isEmpty()), cnpg,
                manifest), warnings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void resolvesAndWarns(String name, Map<String, String> target, Map<String, String> legacy, Target expected, List<String> warnings) {
        TargetResolver.Resolution resolution = TargetResolver.resolve(config(target), key -> Optional.ofNullable(legacy.get(key)));
        assertEquals(expected, resolution.target());
        assertEquals(warnings, resolution.warnings());
    }

    /**
     * prober.target.* as the mapping would give it (the key without the prefix). A proxy, not a class implementing the
     * interface: its validation annotations on a test class would make Quarkus refuse the test application.
     */
    private static TargetConfig config(Map<String, String> keys) {
        Map<String, String> byMethod = Map.of("namespace", "namespace", "service", "service", "container", "container",
                "cnpgCluster", "cnpg-cluster", "manifestPath", "manifest-path");
        return (TargetConfig) java.lang.reflect.Proxy.newProxyInstance(TargetConfig.class.getClassLoader(), new Class<?>[] {TargetConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "TargetConfig" + keys;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> Optional.ofNullable(keys.get(byMethod.get(method.getName())));
                });
    }
}
