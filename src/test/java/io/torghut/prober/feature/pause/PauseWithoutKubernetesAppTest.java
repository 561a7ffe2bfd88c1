package io.torghut.prober.feature.pause;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.arc.Arc;
import io.torghut.prober.feature.pause.decision.PauseLifecycle;
import io.quarkus.arc.InjectableContext;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.response.Response;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.adapter.git.PauseCommits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/**
 * {@code prober.kubernetes.enabled=false} means no Kubernetes API at all, the pause included: a kubeconfig is there (the
 * mock server's), the Lease is asked for, and still no client is built and not one request reaches the API. The pause
 * itself works from git alone: the commit is made, the audit log line is written, the answer says that Argo CD was not
 * asked and why, and this replica leads (there is no Lease to share).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(KubernetesOffResource.class)
public class PauseWithoutKubernetesAppTest {
    static final String BEARER = "Bearer " + BareRepoResource.TOKEN;

    @KubernetesTestServer
    KubernetesServer server;

    static Response post(String body) {
        return given().header("Authorization", BEARER).contentType("application/json").body(body).post("/pause");
    }

    @Test
    void theTriggeredPauseCommitsAndAuditsWithoutTouchingTheApi() throws Exception {
        BareRepo remote = BareRepoResource.remote;
        int before = remote.log().size();
        List<String> lines;
        Response answer;
        try (ConsoleLogCapture log = new ConsoleLogCapture()) {
            answer = post("{\"reason\": \"TA stale " + UUID.randomUUID() + "\", \"requestedBy\": \"oncall@example.com\"}");
            lines = log.lines();
        }
        answer.then().statusCode(200).body("action", equalTo("paused"))
                .body("argocd", equalTo("Argo CD sync not configured: prober.kubernetes.enabled=false; Argo CD picks the commit up when it "
                        + "polls git"));
        String commit = answer.path("commit");
        RevCommit head = remote.log().get(0);
        assertEquals(commit, head.name());
        assertEquals(before + 1, remote.log().size());
        assertTrue(head.getFullMessage().contains(PauseCommits.trailer(KubernetesOffResource.INSTANCE)), head.getFullMessage());
        assertTrue(lines.stream().anyMatch(l -> l.contains("pause action mode=trigger result=paused") && l.contains("commit=" + commit)
                && l.contains("argocd=\"Argo CD sync not configured: prober.kubernetes.enabled=false")), String.join("", lines));

        post("{\"reason\": \"still stale\"}").then().statusCode(200).body("action", equalTo("already-paused"));
        given().header("Authorization", BEARER).get("/pause").then().statusCode(200)
                .body("leader", equalTo(true)).body("git.desired", equalTo("false"))
                .body("effectiveness.status", equalTo("waiting")).body("effectiveness.commit", equalTo(commit));

        assertEquals(0, server.getKubernetesMockServer().getRequestCount(), "no Event, no Argo CD patch, no Lease, no read");
        assertEquals(List.of(), created(KubernetesClient.class), "the client is never built: no token is read");
        assertEquals(1, created(PauseLifecycle.class).size(), "the walk over the contexts sees the beans that were built");
    }

    /** The beans of this type that have an instance, in the application and singleton contexts. */
    public static List<String> created(Class<?> type) {
        return List.<Class<? extends Annotation>>of(ApplicationScoped.class, Singleton.class).stream()
                .map(scope -> Arc.container().getActiveContext(scope))
                .map(InjectableContext::getState)
                .flatMap(state -> state.getContextualInstances().keySet().stream())
                .filter(bean -> bean.getTypes().stream().anyMatch(t -> t instanceof Class<?> c && type.isAssignableFrom(c)))
                .map(Object::toString).toList();
    }
}
