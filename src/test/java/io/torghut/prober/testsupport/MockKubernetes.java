package io.torghut.prober.testsupport;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.torghut.prober.adapter.kubernetes.ArgoCdSync;
import io.torghut.prober.adapter.kubernetes.KubernetesReads;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The fabric8 mock API server in CRUD mode (plus expectations, for pod logs), run by the test for a packaged app in
 * another process: {@link #env()} points the app's Kubernetes client at it.
 */
public final class MockKubernetes implements AutoCloseable {
    public static final ResourceDefinitionContext KSVC = Kube.type(KubernetesReads.KSVC);
    public static final ResourceDefinitionContext REVISIONS = Kube.type(KubernetesReads.REVISIONS);
    public static final ResourceDefinitionContext CNPG = Kube.type(KubernetesReads.CNPG);
    public static final ResourceDefinitionContext APPLICATIONS = Kube.type(ArgoCdSync.APPLICATIONS);

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private MockKubernetes() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = server.createClient();
    }

    public static MockKubernetes start() {
        return new MockKubernetes();
    }

    public KubernetesClient client() {
        return client;
    }

    public KubernetesMockServer server() {
        return server;
    }

    /** The packaged app's environment for this server (plain HTTP, no credentials). */
    public Map<String, String> env() {
        return Map.of("PROBER_KUBERNETES_API_SERVER_URL", client.getConfiguration().getMasterUrl());
    }

    /** Creates a generic object of the given kind in its namespace. */
    public void create(ResourceDefinitionContext type, GenericKubernetesResource object) {
        client.genericKubernetesResources(type).inNamespace(object.getMetadata().getNamespace()).resource(object).create();
    }


    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
