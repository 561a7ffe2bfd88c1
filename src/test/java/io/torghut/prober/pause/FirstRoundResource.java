package io.torghut.prober.pause;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.gitops.BareRepo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Trigger mode with the automatic pause (hold 1 s, no leader election) against a real bare git repository, with every
 * core dependency unreachable (so the verdict is PAUSE_RECOMMENDED from the first results on), and one extra HTTP
 * target, {@code gate}, whose first answer the test holds back: until it answers, the first probe round is not complete.
 */
public class FirstRoundResource implements QuarkusTestResourceLifecycleManager {
    static final String TOKEN = "first-round-token-7c1e";
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger GATE_REQUESTS = new AtomicInteger();
    static volatile BareRepo remote;
    private Path root;
    private HttpServer gate;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("first-round");
            remote = new BareRepo(root.resolve("remote"));
            gate = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        gate.setExecutor(Executors.newCachedThreadPool());
        gate.createContext("/", exchange -> {
            GATE_REQUESTS.incrementAndGet();
            try {
                RELEASE.await(150, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("ok".getBytes());
            }
        });
        gate.start();
        return Map.ofEntries(
                Map.entry("prober.pause.mode", "trigger"),
                Map.entry("prober.pause.auto", "true"),
                Map.entry("prober.pause.auto-hold", "1s"),
                Map.entry("prober.pause.leader.enabled", "false"),
                Map.entry("prober.pause.token", TOKEN),
                Map.entry("prober.gitops.repo-url", remote.url()),
                Map.entry("prober.gitops.work-dir", root.resolve("working-copy").toString()),
                Map.entry("prober.gitops.timeout", "5s"),
                Map.entry("prober.gitops.refresh-every", "1h"),
                Map.entry("prober.pause.effective-check-every", "1h"),
                Map.entry("prober.pause.kubernetes-timeout", "3s"),
                Map.entry("prober.kubernetes.enabled", "false"),
                Map.entry("prober.session.always-open", "true"),
                Map.entry("prober.policy.evaluate-every", "200ms"),
                Map.entry("prober.torghut.url", "http://127.0.0.1:9"),
                Map.entry("prober.clickhouse.url", "http://127.0.0.1:9"),
                Map.entry("prober.http.gate.url", "http://127.0.0.1:" + gate.getAddress().getPort() + "/gate"),
                Map.entry("prober.http.gate.interval", "1h"),
                Map.entry("prober.http.gate.timeout", "120s"));
    }

    @Override
    public void stop() {
        RELEASE.countDown();
        if (gate != null) {
            gate.stop(0);
        }
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
