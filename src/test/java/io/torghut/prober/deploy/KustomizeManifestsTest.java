package io.torghut.prober.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** {@code kubectl kustomize k8s/base} renders, and what it renders keeps the promises the README makes. */
class KustomizeManifestsTest {
    private static List<Map<String, Object>> objects;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void render() {
        ExternalCommand kustomize = ExternalCommand.run(Duration.ofSeconds(60), null, "kubectl", "kustomize", "k8s/base");
        assertEquals(0, kustomize.exitCode(), kustomize.output());
        objects = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(kustomize.output().replaceAll("(?m)^# Warning:.*$", ""))) {
            if (doc != null) {
                objects.add((Map<String, Object>) doc);
            }
        }
    }

    @Test
    void rendersEveryObjectIntoTheTorghutNamespace() {
        Set<String> kinds = objects.stream().map(o -> (String) o.get("kind")).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("Deployment", "ServiceAccount", "Service", "ConfigMap", "PodDisruptionBudget",
                "ServiceMonitor", "PrometheusRule", "AlertmanagerConfig")), kinds.toString());
        for (Map<String, Object> o : objects) {
            String namespace = (String) map(o, "metadata").get("namespace");
            assertTrue("torghut".equals(namespace) || "argocd".equals(namespace), o.get("kind") + " in " + namespace);
        }
    }

    @Test
    void deploymentRunsTwoHardenedReplicasWithHealthProbesAndLimits() {
        Map<String, Object> deployment = only("Deployment");
        Map<String, Object> spec = map(deployment, "spec");
        assertEquals(2, spec.get("replicas"));
        Map<String, Object> pod = map(map(spec, "template"), "spec");
        assertEquals(true, map(pod, "securityContext").get("runAsNonRoot"));
        Map<String, Object> container = list(pod, "containers").get(0);
        assertEquals(true, map(container, "securityContext").get("readOnlyRootFilesystem"));
        assertEquals("/q/health/live", map(map(container, "livenessProbe"), "httpGet").get("path"));
        assertEquals("/q/health/ready", map(map(container, "readinessProbe"), "httpGet").get("path"));
        Map<String, Object> resources = map(container, "resources");
        assertTrue(map(resources, "requests").containsKey("memory"));
        assertTrue(map(resources, "limits").containsKey("memory"));
        List<String> mounts = list(container, "volumeMounts").stream().map(m -> (String) m.get("mountPath")).toList();
        assertTrue(mounts.contains("/tmp"), mounts.toString());
        for (Map<String, Object> volume : list(pod, "volumes")) {
            assertTrue(volume.containsKey("emptyDir"), "only emptyDir volumes: " + volume);
        }
    }

    @Test
    void secretsComeFromSecretReferencesNeverFromLiterals() {
        Map<String, Object> container = list(map(map(map(only("Deployment"), "spec"), "template"), "spec"), "containers").get(0);
        for (Map<String, Object> env : list(container, "env")) {
            String name = (String) env.get("name");
            if (name.contains("PASSWORD") || name.contains("TOKEN") || name.equals("DB_DSN")) {
                assertFalse(env.containsKey("value"), name + " must not be a literal");
                assertTrue(map(env, "valueFrom").containsKey("secretKeyRef"), name + " must come from a Secret");
            }
        }
        Map<String, Object> configMap = only("ConfigMap");
        for (Object key : map(configMap, "data").keySet()) {
            String name = key.toString();
            assertFalse(name.contains("PASSWORD") || name.contains("TOKEN") || name.equals("DB_DSN"), name + " in a ConfigMap");
        }
    }

    @Test
    void alertmanagerConfigSendsOnlyPauseAlertsToPauseWithTheBearerToken() {
        Map<String, Object> spec = map(only("AlertmanagerConfig"), "spec");
        Map<String, Object> matcher = list(map(spec, "route"), "matchers").get(0);
        assertEquals("action", matcher.get("name"));
        assertEquals("pause", matcher.get("value"));
        Map<String, Object> webhook = list(list(spec, "receivers").get(0), "webhookConfigs").get(0);
        assertTrue(((String) webhook.get("url")).endsWith("/pause"));
        assertEquals(true, webhook.get("sendResolved"));
        Map<String, Object> credentials = map(map(map(webhook, "httpConfig"), "authorization"), "credentials");
        assertEquals("pause-token", credentials.get("key"));
    }

    @Test
    void rolesGrantLeastPrivilegeAndNeverSecrets() {
        Map<String, Set<String>> allowedVerbs = Map.of(
                "leases", Set.of("get", "create", "update"),
                "events", Set.of("create"),
                "applications", Set.of("get", "patch"));
        List<Map<String, Object>> roles = objects.stream().filter(o -> "Role".equals(o.get("kind"))).toList();
        assertEquals(3, roles.size(), "diagnosis, pause and Argo CD roles");
        for (Map<String, Object> role : roles) {
            for (Map<String, Object> rule : list(role, "rules")) {
                @SuppressWarnings("unchecked")
                List<String> resources = (List<String>) rule.get("resources");
                @SuppressWarnings("unchecked")
                List<String> verbs = (List<String>) rule.get("verbs");
                assertFalse(resources.contains("secrets") || resources.contains("*") || verbs.contains("*"), rule.toString());
                for (String resource : resources) {
                    Set<String> allowed = allowedVerbs.getOrDefault(resource,
                            resource.equals("pods/log") ? Set.of("get") : Set.of("get", "list", "watch"));
                    assertTrue(allowed.containsAll(verbs), resource + " may only " + allowed + ": " + rule);
                }
                if (resources.contains("applications")) {
                    assertEquals("argocd", map(role, "metadata").get("namespace"));
                    assertEquals(List.of("torghut"), rule.get("resourceNames"), "only the torghut Application");
                }
            }
        }
    }

    private static Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertEquals(1, found.size(), "exactly one " + kind);
        return found.get(0);
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
}
