package io.torghut.prober.deploy;

import static io.torghut.prober.deploy.Manifests.list;
import static io.torghut.prober.deploy.Manifests.map;
import static io.torghut.prober.deploy.Manifests.metadata;
import static io.torghut.prober.deploy.Manifests.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example overlay (base + every component) renders as a kube-prometheus-stack / Argo CD cluster needs it, and
 * keeps doing so when a user moves it to another namespace.
 */
class ExampleOverlayTest {
    private static final Set<String> CLUSTER_SCOPED = Set.of("ClusterRole", "ClusterRoleBinding");
    private static Manifests example;
    private static Manifests moved;

    @BeforeAll
    static void render() {
        example = Manifests.render(Manifests.EXAMPLE_OVERLAY);
        moved = Manifests.exampleOverlayIn("trading");
    }

    @Test
    void rendersTheBaseAndEveryComponentWithFullLabels() {
        Set<String> kinds = example.objects().stream().map(o -> (String) o.get("kind")).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("Deployment", "ServiceAccount", "Role", "RoleBinding", "Service", "ConfigMap",
                "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "PrometheusRule", "AlertmanagerConfig", "ClusterRole",
                "ClusterRoleBinding")), kinds.toString());
        for (Map<String, Object> o : example.objects()) {
            KustomizeManifestsTest.assertLabels(o.get("kind") + " " + metadata(o).get("name"), map(metadata(o), "labels"));
        }
        Map<String, Object> dashboard = example.named("ConfigMap", "torghut-prober-dashboard");
        assertEquals("1", map(metadata(dashboard), "labels").get("grafana_dashboard"), "Grafana's sidecar label");
        assertTrue(map(dashboard, "data").containsKey("torghut-prober-dashboard.json"));
    }

    @Test
    void releaseLabelIsSetInOnePlaceOnWhatKubePrometheusStackSelects() {
        for (String kind : List.of("ServiceMonitor", "PrometheusRule", "AlertmanagerConfig")) {
            assertEquals("monitoring", map(metadata(example.only(kind)), "labels").get("release"), kind + " (overlay's value)");
        }
        for (String kind : List.of("Deployment", "Service", "ConfigMap")) {
            example.ofKind(kind).forEach(o -> assertFalse(map(metadata(o), "labels").containsKey("release"), kind));
        }
        // Without the overlay's transformer, the component's default: a release installed as kube-prometheus-stack.
        Manifests defaults = Manifests.render("src/test/resources/kustomize/components-only");
        assertEquals("kube-prometheus-stack", map(metadata(defaults.only("ServiceMonitor")), "labels").get("release"));
    }

    @Test
    void serviceMonitorScrapesMetricsOnTheManagementPort() {
        Map<String, Object> endpoint = list(map(example.only("ServiceMonitor"), "spec"), "endpoints").get(0);
        assertEquals("management", endpoint.get("port"));
        assertEquals("/q/metrics", endpoint.get("path"));
        assertEquals("torghut-prober", metadata(example.only("Service")).get("name"), "job label the rules match");
    }

    @Test
    void alertmanagerConfigSendsOnlyPauseAlertsToPauseWithTheBearerToken() {
        Map<String, Object> spec = map(example.only("AlertmanagerConfig"), "spec");
        Map<String, Object> matcher = list(map(spec, "route"), "matchers").get(0);
        assertEquals("action", matcher.get("name"));
        assertEquals("pause", matcher.get("value"));
        Map<String, Object> webhook = list(list(spec, "receivers").get(0), "webhookConfigs").get(0);
        assertEquals("http://torghut-prober.torghut.svc.cluster.local:8080/pause", webhook.get("url"));
        assertEquals(true, webhook.get("sendResolved"));
        assertEquals("pause-token", map(map(map(webhook, "httpConfig"), "authorization"), "credentials").get("key"));
    }

    @Test
    void anOverlaysNamespaceMovesTheProberAndEveryStringThatNamesItButNotTheArgoCdGrant() {
        for (Map<String, Object> o : moved.objects()) {
            Object namespace = metadata(o).get("namespace");
            if (CLUSTER_SCOPED.contains((String) o.get("kind"))) {
                assertNull(namespace, o.get("kind") + " is cluster-scoped: nothing can move it");
            } else {
                assertEquals("trading", namespace, o.get("kind") + " " + metadata(o).get("name"));
            }
        }
        for (String kind : List.of("RoleBinding", "ClusterRoleBinding")) {
            for (Map<String, Object> binding : moved.ofKind(kind)) {
                assertEquals("trading", list(binding, "subjects").get(0).get("namespace"), kind + " " + metadata(binding).get("name"));
            }
        }
        Map<String, Object> webhook = list(list(map(moved.only("AlertmanagerConfig"), "spec"), "receivers").get(0), "webhookConfigs").get(0);
        assertEquals("http://torghut-prober.trading.svc.cluster.local:8080/pause", webhook.get("url"));
        String absent = list(list(map(moved.only("PrometheusRule"), "spec"), "groups").get(0), "rules").stream()
                .filter(r -> "TorghutProberAbsent".equals(r.get("alert"))).map(r -> (String) r.get("expr")).findFirst().orElseThrow();
        assertEquals("absent(up{job=\"torghut-prober\",namespace=\"trading\"})", absent);
        assertFalse(moved.objects().toString().contains("torghut-prober.torghut."), "no string still names the prober in torghut");
    }

    @Test
    void rolesGrantLeastPrivilegeAndNeverSecrets() {
        Map<String, Set<String>> allowedVerbs = Map.of(
                "leases", Set.of("get", "create", "patch", "update"),
                "applications", Set.of("get", "patch"));
        // Events: the pause writes its audit (create), the diagnosis lists why a revision's pods never started (list).
        Map<String, Set<String>> eventVerbs = Map.of("torghut-prober-pause", Set.of("create"), "torghut-prober", Set.of("list"));
        List<Map<String, Object>> roles = example.objects().stream().filter(o -> o.get("kind").toString().endsWith("Role")).toList();
        assertEquals(3, roles.size(), "diagnosis and pause Roles, the Argo CD ClusterRole");
        Set<String> eventGrants = new java.util.TreeSet<>();
        for (Map<String, Object> role : roles) {
            String roleName = (String) metadata(role).get("name");
            for (Map<String, Object> rule : list(role, "rules")) {
                List<String> resources = strings(rule, "resources");
                List<String> verbs = strings(rule, "verbs");
                assertFalse(resources.contains("secrets") || resources.contains("*") || verbs.contains("*"), rule.toString());
                for (String resource : resources) {
                    if (resource.equals("events")) {
                        verbs.forEach(v -> eventGrants.add(roleName + ":" + v));
                    }
                    Set<String> allowed = resource.equals("events") ? eventVerbs.getOrDefault(roleName, Set.of())
                            : allowedVerbs.getOrDefault(resource, resource.equals("pods/log") ? Set.of("get") : Set.of("get", "list", "watch"));
                    assertTrue(allowed.containsAll(verbs), resource + " may only " + allowed + ": " + rule);
                }
                if (resources.contains("applications")) {
                    assertEquals("ClusterRole", role.get("kind"));
                    assertEquals(List.of("torghut"), rule.get("resourceNames"), "only the torghut Application");
                } else {
                    assertEquals("Role", role.get("kind"), "everything else is namespaced: " + rule);
                }
            }
        }
        assertEquals(Set.of("torghut-prober-pause:create", "torghut-prober:list"), eventGrants,
                "Events: create for the pause's audit, list for the pods that never started; nothing else");
        Map<String, Object> config = example.ofKind("ConfigMap").stream().filter(c -> map(c, "data").containsKey("ARGOCD_APPLICATION"))
                .findFirst().orElseThrow();
        assertEquals("torghut", map(config, "data").get("ARGOCD_APPLICATION"), "the ClusterRole's resourceNames follow it");
    }
}
