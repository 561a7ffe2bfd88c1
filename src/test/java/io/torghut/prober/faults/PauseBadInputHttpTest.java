package io.torghut.prober.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.feature.pause.BodyMutator;
import io.torghut.prober.feature.pause.PauseCorpus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /pause in trigger mode against a real bare repository, fed the bad-input corpus and a few hundred generated bodies:
 * never a 5xx, always a JSON error for 4xx, and no commit from any of them, including valid-looking bodies that are
 * resolved or carry a wrong token. A last control request proves that the same setup does commit a real pause.
 */
@QuarkusTest
@WithTestResource(FaultsResource.class)
class PauseBadInputHttpTest {
    private static final long SEED = 0x5EED_6006L;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private BareRepo remote;

    @BeforeEach
    void tradingEnabledInGit() throws Exception {
        remote = FaultsResource.env.git();
        remote.restart();
    }

    /** Raw bytes over the JDK client: RestAssured re-encodes bodies and adds charsets, which would hide the corpus. */
    private static Reply post(String authorization, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/pause"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    record Reply(int statusCode, String contentType, String body) {
        String path(String path) {
            try {
                return JsonPath.from(body).getString(path);
            } catch (RuntimeException notJson) {
                return null;
            }
        }
    }

    @Test
    void corpusAndGeneratedBodiesNeverFailTheServerNorCommit() throws Exception {
        int commits = remote.log().size();
        String bearer = "Bearer " + FaultsResource.TOKEN;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();

        for (PauseCorpus.Case c : PauseCorpus.all()) {
            Reply response = post(bearer, c.contentType(), c.body());
            record(statuses, wrong, c.name(), response, c.status());
            if (!c.message().isEmpty() && response.statusCode() == c.status()) {
                String message = response.path("message");
                if (message == null || !message.startsWith(c.message())) {
                    wrong.add(c.name() + ": message " + message);
                }
            }
        }

        Random random = new Random(SEED);
        byte[] firing = PauseCorpus.realBody().getBytes(StandardCharsets.UTF_8);
        byte[] resolved = PauseCorpus.realBody().replace("\"status\": \"firing\",\n  \"alerts\"", "\"status\": \"resolved\",\n  \"alerts\"")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 150; i++) {
            record(statuses, wrong, "mutated-resolved-" + i, post(bearer, "application/json", BodyMutator.mutate(resolved, random)), 0);
        }
        for (int i = 0; i < 100; i++) {
            record(statuses, wrong, "random-json-" + i, post(bearer, "application/json", BodyMutator.randomJson(random, false)), 0);
        }
        for (int i = 0; i < 100; i++) {
            String token = List.of("Bearer nope", "Bearer " + FaultsResource.TOKEN + "x", "bearer", "Basic " + FaultsResource.TOKEN,
                    "Bearer  " + FaultsResource.TOKEN.substring(1), "").get(i % 6);
            byte[] body = i % 2 == 0 ? firing : BodyMutator.mutate(firing, random);
            record(statuses, wrong, "wrong-token-" + i, post(token.isEmpty() ? null : token, "application/json", body), 401);
        }
        record(statuses, wrong, "valid-firing-text-plain", post(bearer, "text/plain", firing), 415);
        record(statuses, wrong, "valid-firing-no-type", post(bearer, null, firing), 415);
        record(statuses, wrong, "valid-resolved", post(bearer, "application/json", resolved), 200);

        int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("PAUSE_BAD_INPUT %d requests, statuses %s%n", total, statuses);
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " unexpected answers:\n" + String.join("\n", wrong));
        assertTrue(statuses.keySet().stream().noneMatch(s -> s >= 500), statuses::toString);
        assertEquals(commits, remote.log().size(), "a bad, resolved or unauthorised body made a commit");

        // Control: the same app and repository do commit a real pause, so "no commit" above is not vacuous.
        String groupKey = "{}:{alertname=\\\"FaultsControl-" + UUID.randomUUID() + "\\\"}";
        byte[] controlBody = (PauseCorpus.realBody().replace("{}:{alertname=\\\"DemoValueHigh\\\"}", groupKey)
                .getBytes(StandardCharsets.UTF_8));
        Reply control = post(bearer, "application/json", controlBody);
        assertEquals(200, control.statusCode(), control::body);
        assertEquals("paused", control.path("action"), control::body);
        assertEquals(commits + 1, remote.log().size());
        remote.restart();
    }

    /** {@code expected} 0: any 2xx/4xx will do, but a 200 must be "nothing to do" and a 4xx must carry a JSON error. */
    private static void record(Map<Integer, Integer> statuses, List<String> wrong, String name, Reply response, int expected) {
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String body = response.body();
        if (expected != 0 && status != expected) {
            wrong.add(name + ": expected " + expected + ", got " + status + " " + body);
        } else if (status >= 500 || (status != 200 && status < 400)) {
            wrong.add(name + ": " + status + " " + body);
        } else if (status == 200 && !"none".equals(response.path("action"))) {
            wrong.add(name + ": 200 with action " + response.path("action"));
        } else if (status >= 400 && !(response.contentType().startsWith("application/json") && response.path("error") != null)) {
            wrong.add(name + ": " + status + " without a JSON error: " + response.contentType() + " " + body);
        }
    }
}
