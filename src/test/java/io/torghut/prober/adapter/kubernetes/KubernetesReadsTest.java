package io.torghut.prober.adapter.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.testsupport.SilentServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API is slow or gone: every read ends within its timeout as a classified problem, and the round stops early. */
class KubernetesReadsTest {

    private static KubernetesClient client(int port) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + port)
                .withRequestRetryBackoffLimit(0).withConnectionTimeout(1000).build()).build();
    }

    @Test
    void aHungApiServerIsATimeoutWithinTheRequestTimeout() throws IOException {
        try (SilentServer hung = new SilentServer(); KubernetesClient base = client(hung.port())) {
            KubernetesReads reads = new KubernetesReads(base, "torghut", 300);
            long start = System.nanoTime();
            ReadFailure failure = assertThrows(ReadFailure.class, () -> reads.get(KubernetesReads.KSVC, "torghut"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(AccessProblem.Kind.TIMEOUT, failure.problem().kind(), failure.problem().toString());
            assertTrue(millis < 3000, "took " + millis + "ms");

            KnativeReader reader = new KnativeReader(reads, "torghut", java.util.Optional.empty(), 200, 262144, 2,
                    new LogScanner(LogSignatures.defaults(), new Redactor()), Clock.systemUTC());
            start = System.nanoTime();
            KnativeObservation obs = reader.read(Duration.ofSeconds(5));
            millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1, obs.problems().size(), "a timeout stops the round: " + obs.problems());
            assertTrue(millis < 3000, "round took " + millis + "ms");
        }
    }

    @Test
    void aSpentBudgetStopsTheRoundBeforeTheNextRead() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (KubernetesClient base = client(port)) {
            KnativeReader reader = new KnativeReader(new KubernetesReads(base, "torghut", 1000) {
                @Override
                public java.util.Optional<java.util.Map<String, Object>> get(io.torghut.prober.adapter.kubernetes.ApiResource type, String name) {
                    return java.util.Optional.empty(); // answered, but the budget below is already gone
                }
            }, "torghut", java.util.Optional.empty(), 200, 262144, 2, new LogScanner(LogSignatures.defaults(), new Redactor()), Clock.systemUTC());
            KnativeObservation obs = reader.read(Duration.ZERO.minusMillis(1));
            assertEquals(List.of(AccessProblem.Kind.NOT_FOUND, AccessProblem.Kind.TIMEOUT),
                    obs.problems().stream().map(AccessProblem::kind).toList(), obs.problems().toString());
            assertEquals("timeout: list revisions.serving.knative.dev in torghut - the API server did not answer in time",
                    obs.problems().get(1).describe());
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (KubernetesClient base = client(port)) {
            CnpgObservation obs = new CnpgReader(new KubernetesReads(base, "torghut", 1000), "torghut-db", Clock.systemUTC()).read();
            assertEquals(AccessProblem.Kind.UNREACHABLE, obs.problems().get(0).kind(), obs.problems().toString());
            assertTrue(obs.problems().get(0).describe().startsWith(
                    "unreachable: get clusters.postgresql.cnpg.io torghut-db in torghut - cannot connect to the Kubernetes API"),
                    obs.problems().get(0).describe());
        }
    }

    /**
     * Events are read with one list request per object, narrowed by a field selector on the server and bounded by a
     * limit: no watch, no list of the whole namespace. (The CRUD mock ignores field selectors on other fields than the
     * name, so the answer is an expectation on the exact request the prober sends.)
     */
    @Test
    void eventsAreOneBoundedListWithAFieldSelector() throws Exception {
        try (io.torghut.prober.testsupport.MockKubernetes api = io.torghut.prober.testsupport.MockKubernetes.start()) {
            String path = "/api/v1/namespaces/torghut/events?fieldSelector=" + java.net.URLEncoder.encode("involvedObject.name=p-1",
                    java.nio.charset.StandardCharsets.UTF_8) + "&limit=50";
            api.server().expect().get().withPath(path).andReturn(200, "{\"kind\":\"EventList\",\"apiVersion\":\"v1\",\"items\":[{"
                    + "\"metadata\":{\"name\":\"p-1.1\",\"namespace\":\"torghut\"},\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p-1\"},"
                    + "\"type\":\"Warning\",\"reason\":\"FailedMount\",\"message\":\"secret \\\"x\\\" not found\",\"count\":2}]}").once();
            KubernetesReads reads = new KubernetesReads(api.client(), "torghut", 1000);
            List<java.util.Map<String, Object>> events = reads.events(java.util.Map.of("involvedObject.name", "p-1"), 50);
            assertEquals(path, api.server().getLastRequest().getPath());
            assertEquals("FailedMount", EventParsing.event(events.get(0)).reason());
            api.server().expect().get().withPath(path.replace("p-1", "p-2")).andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                    + "\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403}").once();
            ReadFailure forbidden = assertThrows(ReadFailure.class, () -> reads.events(java.util.Map.of("involvedObject.name", "p-2"), 50));
            assertEquals("forbidden: list events in torghut - the prober's Role needs list on events (k8s/base/role-torghut.yaml)",
                    forbidden.problem().describe(), "the one error model, naming the Role rule");
        }
    }
}
