package io.torghut.prober.feature.pause;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.testsupport.GitHttpServer;
import io.torghut.prober.testsupport.K8sFixtures;
import io.torghut.prober.testsupport.MockKubernetes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a packaged prober in trigger mode pauses against, for the stop and restart tests: a real smart-HTTP Git host
 * ({@link GitHttpServer}, Basic auth) holding the realistic manifest, and the fabric8 mock API server with the Argo CD
 * Application and, on request, the healthy Knative Service (revision torghut-00041, TRADING_ENABLED "true", all traffic).
 */
final class PauseRig implements AutoCloseable {
    static final String TOKEN = "pause-rig-token-5c1f";
    private static final String USER = "prober";
    private static final String PASSWORD = "rig-git-pw-77";
    private final Path root;
    private final BareRepo remote;
    private final GitHttpServer host;
    private final MockKubernetes k8s;

    private PauseRig(Path root) throws Exception {
        this.root = root;
        remote = new BareRepo(root.resolve("remote"));
        host = GitHttpServer.start(remote.projectRoot(), USER, PASSWORD);
        k8s = MockKubernetes.start();
        k8s.create(MockKubernetes.APPLICATIONS, application());
    }

    static PauseRig start(String name) throws Exception {
        return new PauseRig(Files.createTempDirectory(name));
    }

    BareRepo remote() {
        return remote;
    }

    GitHttpServer host() {
        return host;
    }

    MockKubernetes k8s() {
        return k8s;
    }

    /** The prober's environment: trigger mode on this host and API server, a fresh working copy named {@code workDir}. */
    Map<String, String> env(String workDir) {
        Map<String, String> env = new HashMap<>(k8s.env());
        env.putAll(Map.of("PROBER_PAUSE_MODE", "trigger", "PROBER_PAUSE_TOKEN", TOKEN, "GITOPS_REPO_URL", host.url(BareRepo.NAME),
                "GITOPS_USERNAME", USER, "GITOPS_TOKEN", PASSWORD, "GITOPS_WORK_DIR", root.resolve(workDir).toString(),
                "PROBER_GITOPS_TIMEOUT", "10s", "TORGHUT_URL", "http://127.0.0.1:9", "TA_CLICKHOUSE_URL", "http://127.0.0.1:9"));
        env.put("PROBER_PAUSE_LEADER_ENABLED", "false");
        // The pause's Events, Argo CD sync and Lease need the Kubernetes API on.
        env.put("PROBER_KUBERNETES_ENABLED", "true");
        return env;
    }

    /** The Knative Service, its revision, pod and the CNPG cluster of the healthy scenario: the pause is not in force. */
    void loadKnative() {
        for (GenericKubernetesResource o : K8sFixtures.objects("healthy.yaml")) {
            switch (o.getKind()) {
                case "Pod" -> k8s.client().pods().inNamespace("torghut").resource(K8sFixtures.pod(o)).create();
                case "Service" -> k8s.create(MockKubernetes.KSVC, o);
                case "Revision" -> k8s.create(MockKubernetes.REVISIONS, o);
                case "Cluster" -> k8s.create(MockKubernetes.CNPG, o);
                default -> throw new IllegalArgumentException(o.getKind());
            }
        }
    }

    /**
     * What Argo CD and Knative do once the pause is applied: revision torghut-00042 with TRADING_ENABLED "false" is
     * created, becomes Ready and takes all the traffic.
     */
    @SuppressWarnings("unchecked")
    void rollOutPause() {
        GenericKubernetesResource revision = k8s.client().genericKubernetesResources(MockKubernetes.REVISIONS).inNamespace("torghut")
                .withName("torghut-00041").get();
        revision.getMetadata().setName("torghut-00042");
        revision.getMetadata().setResourceVersion(null);
        revision.getMetadata().setUid(null);
        Map<String, Object> spec = (Map<String, Object>) revision.getAdditionalProperties().get("spec");
        for (Map<String, Object> container : (List<Map<String, Object>>) spec.get("containers")) {
            for (Map<String, Object> env : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
                if ("TRADING_ENABLED".equals(env.get("name"))) {
                    env.put("value", "false");
                }
            }
        }
        k8s.create(MockKubernetes.REVISIONS, revision);
        GenericKubernetesResource ksvc = k8s.client().genericKubernetesResources(MockKubernetes.KSVC).inNamespace("torghut")
                .withName("torghut").get();
        Map<String, Object> status = (Map<String, Object>) ksvc.getAdditionalProperties().get("status");
        status.put("latestCreatedRevisionName", "torghut-00042");
        status.put("latestReadyRevisionName", "torghut-00042");
        status.put("traffic", List.of(Map.of("revisionName", "torghut-00042", "latestRevision", true, "percent", 100)));
        k8s.client().genericKubernetesResources(MockKubernetes.KSVC).inNamespace("torghut").resource(ksvc).update();
    }

    /** The revision Argo CD was last asked to sync, empty when none was. */
    @SuppressWarnings("unchecked")
    Optional<String> syncedRevision() {
        GenericKubernetesResource app = k8s.client().genericKubernetesResources(MockKubernetes.APPLICATIONS).inNamespace("argocd")
                .withName("torghut").get();
        Map<String, Object> operation = (Map<String, Object>) app.getAdditionalProperties().get("operation");
        return operation == null ? Optional.empty() : Optional.ofNullable((String) ((Map<String, Object>) operation.get("sync")).get("revision"));
    }

    /** Argo CD finished the operation: the Application no longer has one (a new sync request shows again). */
    void clearSyncOperation() {
        k8s.client().genericKubernetesResources(MockKubernetes.APPLICATIONS).inNamespace("argocd").withName("torghut").delete();
        await(() -> k8s.client().genericKubernetesResources(MockKubernetes.APPLICATIONS).inNamespace("argocd").withName("torghut").get() == null);
        k8s.create(MockKubernetes.APPLICATIONS, application());
    }

    List<Event> events() {
        return k8s.client().v1().events().inNamespace("torghut").list().getItems();
    }

    static String webhook() throws IOException {
        try (var in = PauseRig.class.getResourceAsStream("/alertmanager-webhook-v4.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static GenericKubernetesResource application() {
        return new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1").withKind("Application")
                .withNewMetadata().withName("torghut").withNamespace("argocd").endMetadata()
                .addToAdditionalProperties("spec", Map.of("project", "default")).build();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(condition::getAsBoolean);
    }

    @Override
    public void close() throws IOException {
        host.close();
        k8s.close();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
