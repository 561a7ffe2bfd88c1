package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.torghut.prober.testsupport.Kube;
import io.torghut.prober.testsupport.SilentServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** The Argo CD sync patch against the mock API server in CRUD mode, and against an API server that never answers. */
@EnableKubernetesMockClient(crud = true, https = false)
class ArgoCdSyncTest {
    static KubernetesClient client;

    @Test
    void argoPatchContentAndMissingApplication() {
        ArgoCdSync sync = new ArgoCdSync(client, "argocd", "torghut", Duration.ofSeconds(15));
        ArgoCdSync.Result missing = sync.sync("abc", "why");
        assertFalse(missing.requested());
        assertFalse(missing.transientFailure(), "no Argo CD is not worth retrying: " + missing.message());
        assertTrue(missing.message().startsWith("no Argo CD application applications.argoproj.io/torghut in namespace argocd"));

        client.genericKubernetesResources(Kube.type(ArgoCdSync.APPLICATIONS)).inNamespace("argocd").resource(new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1").withKind("Application").withNewMetadata().withName("torghut").withNamespace("argocd")
                .addToAnnotations("team", "trading").endMetadata().addToAdditionalProperties("spec", Map.of("project", "default")).build()).create();
        ArgoCdSync.Result ok = sync.sync("0123abcd", "TorghutTaStale: ta_signals 9m old");
        assertTrue(ok.requested(), ok.message());
        GenericKubernetesResource app = client.genericKubernetesResources(Kube.type(ArgoCdSync.APPLICATIONS)).inNamespace("argocd").withName("torghut").get();
        assertEquals(Map.of("initiatedBy", Map.of("username", "torghut-prober", "automated", false),
                "info", List.of(Map.of("name", "reason", "value", "TorghutTaStale: ta_signals 9m old")),
                "sync", Map.of("revision", "0123abcd")), app.getAdditionalProperties().get("operation"));
        assertEquals(Map.of("team", "trading", "argocd.argoproj.io/refresh", "normal"), app.getMetadata().getAnnotations());
        assertEquals(Map.of("project", "default"), app.getAdditionalProperties().get("spec"));
        assertNull(app.getAdditionalProperties().get("status"));
    }

    @Test
    void anApiServerThatNeverAnswersCostsTheTimeoutAndIsRetried() throws Exception {
        try (SilentServer silent = new SilentServer();
             KubernetesClient hung = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                     .withMasterUrl(silent.url()).withRequestRetryBackoffLimit(3).build()).build()) {
            long start = System.nanoTime();
            ArgoCdSync.Result result = new ArgoCdSync(hung, "argocd", "torghut", Duration.ofMillis(500)).sync("abc", "why");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertFalse(result.requested());
            assertTrue(result.transientFailure(), "a silent API server is worth asking again: " + result.message());
            assertTrue(result.message().startsWith("Argo CD unreachable (applications.argoproj.io/torghut in namespace argocd): timeout"),
                    result.message());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "bounded by the request timeout, no retries: took " + took);
        }
    }

    /** Issue 21, point 3: the Application's status as Argo CD's controller writes it, read back in one bounded GET. */
    @Test
    void readsTheOperationStateAndTheSyncStatus() {
        ArgoCdSync sync = new ArgoCdSync(client, "argocd", "torghut-status", Duration.ofSeconds(15));
        assertTrue(sync.status().read().isEmpty());
        assertTrue(sync.status().problem().startsWith("no Argo CD application applications.argoproj.io/torghut-status"), sync.status().problem());
        client.genericKubernetesResources(Kube.type(ArgoCdSync.APPLICATIONS)).inNamespace("argocd").resource(new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1").withKind("Application").withNewMetadata().withName("torghut-status").withNamespace("argocd")
                .endMetadata().addToAdditionalProperties("spec", Map.of("project", "trading"))
                .addToAdditionalProperties("status", Map.of("operationState", Map.of("phase", "Running", "message",
                        "Sync operation blocked by sync window", "operation", Map.of("sync", Map.of("revision", "0123abcd"))),
                        "sync", Map.of("status", "OutOfSync", "revision", "fedc9876"))).build()).create();
        io.torghut.prober.shared.model.ArgoApplicationStatus read = sync.status().read().orElseThrow();
        assertEquals(new io.torghut.prober.shared.model.ArgoApplicationStatus(java.util.Optional.of("Running"),
                java.util.Optional.of("Sync operation blocked by sync window"), java.util.Optional.of("0123abcd"),
                java.util.Optional.of("OutOfSync"), java.util.Optional.of("fedc9876"), java.util.Optional.of("trading")), read);
    }
}
