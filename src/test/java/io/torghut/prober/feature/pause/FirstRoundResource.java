package io.torghut.prober.feature.pause;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.testsupport.ProberKeys;
import io.torghut.prober.testsupport.TempDirs;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        root = TempDirs.create("first-round");
        try {
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
        return ProberKeys.prober()
                .triggerMode(TOKEN, remote.url(), root.resolve("working-copy"), "3s")
                .set("prober.pause.auto", "true")
                .set("prober.pause.auto-hold", "1s")
                .set("prober.pause.leader.enabled", "false")
                .kubernetesOff()
                .alwaysOpen()
                .torghutAndClickHouseUnreachable()
                .set("prober.http.gate.url", "http://127.0.0.1:" + gate.getAddress().getPort() + "/gate")
                .schedule("prober.http.gate", "1h", "120s")
                .build();
    }

    @Override
    public void stop() {
        RELEASE.countDown();
        if (gate != null) {
            gate.stop(0);
        }
        TempDirs.deleteTree(root);
    }
}
