package io.torghut.prober.faults;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.adapter.kubernetes.ArgoCdSync;
import io.torghut.prober.adapter.kubernetes.KubernetesReads;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.K8sFixtures;
import io.torghut.prober.testsupport.Kube;
import io.torghut.prober.testsupport.ProberKeys;
import io.torghut.prober.testsupport.StubTorghut;
import io.torghut.prober.testsupport.TempDirs;
import io.torghut.prober.testsupport.TestServices;
import io.torghut.prober.testsupport.ThrowawayClickHouse;
import io.torghut.prober.testsupport.ThrowawayPostgres;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One running prober for the whole fault suite, every dependency one the tests can break and mend while it runs:
 * a stub Torghut, a private ClickHouse and a private PostgreSQL (the shared servers are never stopped), the fabric8
 * Kubernetes mock server (CRUD, the healthy runbook scenario) behind a {@link FaultProxy}, and a real bare git
 * repository with /pause in trigger mode. Short intervals so faults show within a second or two.
 */
public class FaultsResource implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN = "faults-pause-token-8d1e";
    public static final String SIGNALS = TestServices.CH_TEST_DATABASE + ".fault_signals";
    public static final String MICROBARS = TestServices.CH_TEST_DATABASE + ".fault_microbars";
    static final String POD = "torghut-00041-deployment-7c9f8d6b5-abcde";

    /** What the tests reach: set by {@link #start()} in the class loader the tests share with it. */
    public record Env(StubTorghut torghut, ThrowawayClickHouse clickhouse, ThrowawayPostgres postgres, KubernetesServer kubernetes,
                      FaultProxy kubernetesProxy, BareRepo git) {
        public ClickHouseAdmin clickhouseAdmin() {
            return new ClickHouseAdmin(clickhouse.url());
        }
    }

    static volatile Env env;
    private Path gitRoot;

    @Override
    public Map<String, String> start() {
        TestServices.requirePostgres();
        StubTorghut torghut = StubTorghut.start();
        ThrowawayClickHouse clickhouse = ThrowawayClickHouse.start();
        new ClickHouseAdmin(clickhouse.url()).freshTables(SIGNALS, MICROBARS);
        ThrowawayPostgres postgres = ThrowawayPostgres.copyOfShared(false);
        KubernetesServer kubernetes = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        kubernetes.before();
        loadHealthyCluster(kubernetes);
        FaultProxy proxy = FaultProxy.to(URI.create(kubernetes.getKubernetesMockServer().url("/")));
        BareRepo git;
        gitRoot = TempDirs.create("faults-git");
        try {
            git = new BareRepo(gitRoot.resolve("remote"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        env = new Env(torghut, clickhouse, postgres, kubernetes, proxy, git);

        return ProberKeys.prober()
                .torghut(torghut.url(), "1s", "700ms")
                .clickhouse(clickhouse.url(), "1s", "1s")
                .freshness(SIGNALS, MICROBARS, "120s", "1s", "1s")
                .postgres(postgres.port(), "1s", "1s")
                .alwaysOpen()
                .set("prober.kubernetes.api-server-url", proxy.url())
                .schedule("prober.kubernetes", "1s", "1s")
                .triggerMode(TOKEN, git.url(), gitRoot.resolve("working-copy"), "2s")
                .set("prober.pause.retry-initial", "500ms")
                .set("prober.pause.leader.lease", "faults-pause-lease")
                .build();
    }

    /** The healthy runbook scenario: Knative service, revision, pod (with its log) and the CNPG cluster; Argo CD's app. */
    private static void loadHealthyCluster(KubernetesServer server) {
        KubernetesClient client = server.getClient();
        for (GenericKubernetesResource o : K8sFixtures.objects("healthy.yaml")) {
            switch (o.getKind()) {
                case "Pod" -> client.pods().inNamespace("torghut").resource(K8sFixtures.pod(o)).create();
                case "Service" -> client.genericKubernetesResources(Kube.type(KubernetesReads.KSVC)).inNamespace("torghut").resource(o).create();
                case "Revision" -> client.genericKubernetesResources(Kube.type(KubernetesReads.REVISIONS)).inNamespace("torghut").resource(o).create();
                case "Cluster" -> client.genericKubernetesResources(Kube.type(KubernetesReads.CNPG)).inNamespace("torghut").resource(o).create();
                default -> throw new IllegalArgumentException(o.getKind());
            }
        }
        server.expect().get().withPath("/api/v1/namespaces/torghut/pods/" + POD
                + "/log?container=user-container&tailLines=200&limitBytes=262144").andReturn(200, K8sFixtures.text("logs/healthy.log")).always();
        GenericKubernetesResource app = new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application").withNewMetadata().withName("torghut").withNamespace("argocd").endMetadata()
                .addToAdditionalProperties("spec", Map.of("project", "default")).build();
        client.genericKubernetesResources(Kube.type(ArgoCdSync.APPLICATIONS)).inNamespace("argocd").resource(app).create();
    }

    @Override
    public void stop() {
        Env current = env;
        if (current == null) {
            return;
        }
        env = null;
        current.kubernetesProxy().close();
        current.kubernetes().after();
        current.torghut().close();
        try {
            current.clickhouse().close();
        } finally {
            current.postgres().close();
            TempDirs.deleteTree(gitRoot);
        }
    }
}
