package io.torghut.prober.deploy;

import static io.torghut.prober.deploy.Manifests.list;
import static io.torghut.prober.deploy.Manifests.map;
import static io.torghut.prober.deploy.Manifests.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code kubectl kustomize k8s/base} renders, and what it renders keeps the promises the README makes. */
class KustomizeManifestsTest {
    static final Map<String, String> FULL_LABELS = Map.of(
            "app.kubernetes.io/name", "torghut-prober",
            "app.kubernetes.io/instance", "torghut-prober",
            "app.kubernetes.io/component", "prober",
            "app.kubernetes.io/part-of", "torghut",
            "app.kubernetes.io/managed-by", "kustomize");
    /** The volume of the optional YAML configuration file. */
    static final String YAML_VOLUME = "config-yaml";
    private static Manifests base;

    @BeforeAll
    static void render() {
        base = Manifests.render("k8s/base");
    }

    @Test
    void baseHasTheCoreObjectsInTorghutAndNeedsNoCustomResourceDefinition() {
        Set<String> kinds = base.objects().stream().map(o -> (String) o.get("kind")).collect(Collectors.toSet());
        assertEquals(Set.of("Deployment", "ServiceAccount", "Role", "RoleBinding", "Service", "ConfigMap", "PodDisruptionBudget",
                "NetworkPolicy"), kinds);
        Set<String> builtIn = Set.of("v1", "apps/v1", "rbac.authorization.k8s.io/v1", "policy/v1", "networking.k8s.io/v1");
        for (Map<String, Object> o : base.objects()) {
            assertTrue(builtIn.contains(o.get("apiVersion")), o.get("kind") + " " + o.get("apiVersion") + " needs a CRD: put it in a component");
            assertEquals("torghut", metadata(o).get("namespace"), o.get("kind") + " namespace");
        }
    }

    @Test
    void everyObjectAndThePodsCarryTheFullRecommendedLabels() {
        for (Map<String, Object> o : base.objects()) {
            assertLabels(o.get("kind") + " " + metadata(o).get("name"), map(metadata(o), "labels"));
        }
        Map<String, Object> podLabels = map(map(map(map(base.only("Deployment"), "spec"), "template"), "metadata"), "labels");
        assertLabels("pod template", podLabels);
        assertEquals("0.1.0", map(metadata(base.only("Deployment")), "labels").get("app.kubernetes.io/version"));
        // Selectors are immutable on a Deployment: they stay the one stable label.
        assertEquals(Map.of("app.kubernetes.io/name", "torghut-prober"), map(map(base.only("Deployment"), "spec"), "selector").get("matchLabels"));
    }

    static void assertLabels(String what, Map<String, Object> labels) {
        FULL_LABELS.forEach((key, value) -> assertEquals(value, labels.get(key), what + " label " + key));
    }

    @Test
    void deploymentRunsTwoHardenedReplicasWithHealthProbesOnTheManagementPortAndLimits() {
        Map<String, Object> spec = map(base.only("Deployment"), "spec");
        assertEquals(2, spec.get("replicas"));
        Map<String, Object> pod = base.podSpec();
        assertEquals(true, map(pod, "securityContext").get("runAsNonRoot"));
        Map<String, Object> container = base.deploymentContainer();
        assertEquals(true, map(container, "securityContext").get("readOnlyRootFilesystem"));
        Map<String, String> probes = Map.of("livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready",
                "startupProbe", "/q/health/started");
        probes.forEach((probe, path) -> {
            Map<String, Object> get = map(map(container, probe), "httpGet");
            assertEquals(path, get.get("path"), probe);
            assertEquals("management", get.get("port"), probe + " goes to the management port");
        });
        Map<String, Object> resources = map(container, "resources");
        assertTrue(map(resources, "requests").containsKey("memory"));
        assertTrue(map(resources, "limits").containsKey("memory"));
        List<String> mounts = list(container, "volumeMounts").stream().map(m -> (String) m.get("mountPath")).toList();
        assertTrue(mounts.contains("/tmp"), mounts.toString());
        for (Map<String, Object> volume : list(pod, "volumes")) {
            assertTrue(volume.containsKey("emptyDir") || volume.get("name").equals(YAML_VOLUME) || volume.get("name").equals("pause-token")
                    && map(volume, "secret").get("defaultMode").equals(288),
                    "only emptyDir volumes besides the optional configuration file and the pause token (a Secret, mode 0440): " + volume);
        }
        assertEquals("ghcr.io/torghut/torghut-prober:0.1.0", container.get("image"), "kustomize images: default");
    }

    @Test
    void ports8080And9000MatchTheApplicationAndTheService() {
        Map<String, Object> containerPorts = list(base.deploymentContainer(), "ports").stream()
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> p.get("containerPort")));
        assertEquals(Map.of("http", 8080, "management", 9000), containerPorts);
        Map<String, String> properties = ApplicationProperties.load();
        assertEquals("${PORT:8080}", properties.get("quarkus.http.port"));
        assertEquals("${MANAGEMENT_PORT:9000}", properties.get("quarkus.management.port"));
        assertEquals("true", properties.get("quarkus.management.enabled"));
        Map<String, Object> servicePorts = list(map(base.only("Service"), "spec"), "ports").stream()
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> p.get("targetPort")));
        assertEquals(Map.of("http", "http", "management", "management"), servicePorts);
    }

    @Test
    void networkPolicyAdmits8080FromAlertmanagerAndOncallAnd9000FromPrometheusOnly() {
        Map<String, Object> spec = map(base.only("NetworkPolicy"), "spec");
        assertEquals(Map.of("app.kubernetes.io/name", "torghut-prober"), map(spec, "podSelector").get("matchLabels"));
        assertEquals(List.of("Ingress"), spec.get("policyTypes"));
        Map<String, List<String>> peersByPort = list(spec, "ingress").stream().collect(Collectors.toMap(
                rule -> list(rule, "ports").stream().map(p -> p.get("port").toString()).collect(Collectors.joining(",")),
                rule -> list(rule, "from").stream().map(KustomizeManifestsTest::peer).toList()));
        assertEquals(Map.of(
                "http", List.of("ns=monitoring pod=alertmanager", "pod=oncall"),
                "management", List.of("ns=monitoring pod=prometheus")), peersByPort);
    }

    private static String peer(Map<String, Object> from) {
        String ns = from.containsKey("namespaceSelector")
                ? "ns=" + map(map(from, "namespaceSelector"), "matchLabels").get("kubernetes.io/metadata.name") + " " : "";
        Map<String, Object> pod = map(map(from, "podSelector"), "matchLabels");
        return ns + "pod=" + (pod.containsKey("torghut-prober/oncall") ? "oncall" : pod.get("app.kubernetes.io/name"));
    }

    @Test
    void configMapIsGeneratedSoThatAChangeRollsThePods() {
        String name = (String) metadata(base.only("ConfigMap")).get("name");
        assertTrue(name.matches("torghut-prober-[a-z0-9]{10}"), "hash-suffixed: " + name);
        Map<String, Object> envFrom = list(base.deploymentContainer(), "envFrom").get(0);
        assertEquals(name, map(envFrom, "configMapRef").get("name"), "the Deployment follows the generated name");
        // The example overlay merges PROBER_PAUSE_MODE=trigger: another content, another name, so new pods.
        Manifests overlay = Manifests.render(Manifests.EXAMPLE_OVERLAY);
        Map<String, Object> merged = overlay.ofKind("ConfigMap").stream()
                .filter(c -> map(c, "data").containsKey("PROBER_PAUSE_MODE")).findFirst().orElseThrow();
        assertEquals("trigger", map(merged, "data").get("PROBER_PAUSE_MODE"));
        assertNotEquals(name, metadata(merged).get("name"));
        assertEquals(metadata(merged).get("name"), map(list(overlay.deploymentContainer(), "envFrom").get(0), "configMapRef").get("name"));
    }

    /**
     * Map-shaped configuration as a YAML file (issue 12): an optional ConfigMap volume, mounted read-only where
     * QUARKUS_CONFIG_LOCATIONS points. Optional, so that the base starts without it (the ConfigMap does not exist).
     */
    @Test
    void theYamlConfigurationFileIsAnOptionalReadOnlyConfigMapNamedByQuarkusConfigLocations() {
        Map<String, Object> volume = list(base.podSpec(), "volumes").stream().filter(v -> YAML_VOLUME.equals(v.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no volume " + YAML_VOLUME));
        assertEquals(Map.of("name", "torghut-prober-yaml", "optional", true), map(volume, "configMap"));
        Map<String, Object> mount = list(base.deploymentContainer(), "volumeMounts").stream()
                .filter(m -> YAML_VOLUME.equals(m.get("name"))).findFirst().orElseThrow();
        assertEquals(true, mount.get("readOnly"), "mounted read-only");
        assertEquals(mount.get("mountPath") + "/application.yaml", env(base, "QUARKUS_CONFIG_LOCATIONS"),
                "QUARKUS_CONFIG_LOCATIONS names the file inside the mount");
        assertFalse(base.ofKind("ConfigMap").stream().anyMatch(c -> metadata(c).get("name").toString().startsWith("torghut-prober-yaml")),
                "the base ships no YAML ConfigMap: an overlay generates it when it needs one");
    }

    /** An overlay that generates the ConfigMap gets its hash-suffixed name into the volume, so a change rolls the pods. */
    @Test
    void anOverlayGeneratingTheYamlConfigMapRollsThePodsOnChange() {
        Manifests withYaml = Manifests.render("src/test/resources/kustomize/yaml-config");
        Map<String, Object> generated = withYaml.ofKind("ConfigMap").stream()
                .filter(c -> metadata(c).get("name").toString().startsWith("torghut-prober-yaml-")).findFirst().orElseThrow();
        Map<String, Object> volume = list(withYaml.podSpec(), "volumes").stream().filter(v -> YAML_VOLUME.equals(v.get("name")))
                .findFirst().orElseThrow();
        assertEquals(metadata(generated).get("name"), map(volume, "configMap").get("name"));
        Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(map(generated, "data").get("application.yaml").toString());
        assertTrue(map(map(yaml, "prober"), "http").containsKey("torghut-ws"), yaml.toString());
    }

    private static String env(Manifests manifests, String name) {
        return list(manifests.deploymentContainer(), "env").stream().filter(e -> name.equals(e.get("name")))
                .map(e -> (String) e.get("value")).findFirst().orElseThrow(() -> new AssertionError("no env " + name));
    }

    @Test
    void secretsComeFromSecretReferencesNeverFromLiterals() {
        assertSecretsAreReferencesOrMountedFiles(base);
        for (Object key : map(base.only("ConfigMap"), "data").keySet()) {
            String name = key.toString();
            assertFalse(name.contains("PASSWORD") || name.contains("TOKEN") || name.equals("DB_DSN"), name + " in a ConfigMap");
        }
        assertEquals("/var/run/secrets/torghut-prober/pause/pause-token", env(base, "PROBER_PAUSE_TOKEN_FILE"),
                "the pause token is a mounted file: a rotated Secret needs no restart");
    }

    /** Issue 21: the SSH deploy key, its pinned host keys and the signing key are files of Secrets, readable by the prober only. */
    @Test
    void theGuardedGitOpsComponentsMountTheKeysFromSecrets() {
        Manifests guarded = Manifests.render("src/test/resources/kustomize/guarded-gitops");
        assertSecretsAreReferencesOrMountedFiles(guarded);
        assertEquals("/var/run/secrets/torghut-prober/gitops-ssh/ssh-privatekey", env(guarded, "GITOPS_SSH_KEY_FILE"));
        assertEquals("/var/run/secrets/torghut-prober/gitops-ssh/known_hosts", env(guarded, "GITOPS_SSH_KNOWN_HOSTS_FILE"));
        assertEquals("/var/run/secrets/torghut-prober/gitops-signing/signing-key.asc", env(guarded, "GITOPS_SIGNING_KEY_FILE"));
        for (Map<String, Object> volume : list(map(map(map(guarded.only("Deployment"), "spec"), "template"), "spec"), "volumes")) {
            if (volume.containsKey("secret")) {
                // 0440: root owns Secret files; the prober (runAsUser 10001) reads them through the pod's fsGroup, nobody else can.
                assertEquals(288, map(volume, "secret").get("defaultMode"), volume.get("name") + ": keys readable by owner and fsGroup only (0440)");
            }
        }
    }

    /**
     * A secret is never a literal: it comes from a Secret reference, or it is a file (an env ending in _FILE) under the
     * mount of a Secret volume.
     */
    private static void assertSecretsAreReferencesOrMountedFiles(Manifests manifests) {
        Map<String, Object> podSpec = map(map(map(manifests.only("Deployment"), "spec"), "template"), "spec");
        java.util.Set<String> secretVolumes = list(podSpec, "volumes").stream().filter(v -> v.containsKey("secret"))
                .map(v -> (String) v.get("name")).collect(java.util.stream.Collectors.toSet());
        List<String> secretMounts = list(manifests.deploymentContainer(), "volumeMounts").stream()
                .filter(m -> secretVolumes.contains((String) m.get("name"))).map(m -> (String) m.get("mountPath")).toList();
        for (Map<String, Object> env : list(manifests.deploymentContainer(), "env")) {
            String name = (String) env.get("name");
            boolean secret = name.contains("PASSWORD") || name.contains("TOKEN") || name.contains("PASSPHRASE") || name.contains("KEY")
                    || name.equals("DB_DSN");
            if (!secret) {
                continue;
            }
            if (name.endsWith("_FILE")) {
                String path = (String) env.get("value");
                assertTrue(secretMounts.stream().anyMatch(m -> path.startsWith(m + "/")), name + " must point into a mounted Secret: " + path);
            } else {
                assertFalse(env.containsKey("value"), name + " must not be a literal");
                assertTrue(map(env, "valueFrom").containsKey("secretKeyRef"), name + " must come from a Secret");
            }
        }
    }
}
