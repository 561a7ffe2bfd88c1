package io.torghut.prober.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.testsupport.ManagementInterface;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * /diagnose and /q/metrics under a bounded concurrent load (8 client threads, each waiting for its answer) for a
 * minute while faults come and go: Torghut hangs, ClickHouse is killed and restarted, the Kubernetes API hangs.
 * Asserts every answer is a 200 and that the heap does not grow. Memory method: the app runs in this JVM, so the
 * figure is the heap in use right after a full GC (System.gc() three times, which G1 honours), taken after a warm-up
 * and again after the load once the prober is healthy again; the client's latency buffers are allocated before the
 * first figure. A leak of 1 KiB per request (about 100 000 requests) would show as ~100 MiB; the margin is 48 MiB.
 * RSS is printed, not asserted (the JVM keeps heap it once grew).
 */
@QuarkusTest
@WithTestResource(FaultsResource.class)
class LoadUnderFaultsTest {
    private static final int THREADS = 8;
    private static final Duration LOAD = Duration.ofSeconds(60);
    /** How long a fault may take to show in /diagnose (and the recovery after it): generous for a loaded 2-core machine. */
    private static final Duration FAULT_VISIBLE = Duration.ofSeconds(45);
    private static final long HEAP_MARGIN = 48L << 20;
    private static final String[] PATHS = {"/diagnose", "/diagnose", "/diagnose", "/diagnose", "/q/metrics", "/q/metrics",
            "/diagnose?format=text", "/q/metrics"};

    @Test
    void aMinuteOfLoadWhileFaultsComeAndGoWithoutErrorsNorHeapGrowth() throws Exception {
        Probing.awaitHealthy(60);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        long[][] latencies = new long[THREADS][400_000];
        int[] counts = new int[THREADS];
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);

        runLoad(http, base, pool, Duration.ofSeconds(5), new long[THREADS][1], new int[THREADS], failures, new AtomicBoolean(true));
        long heapBefore = heapAfterGc();
        long rssBefore = rssKib();

        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            clients.add(pool.submit(() -> drive(http, base, PATHS[thread], latencies[thread], counts, thread, failures, running)));
        }
        long start = System.nanoTime();
        List<String> timeline = injectFaults(start);
        // The faults took as long as the prober needed to show them; the load itself lasts at least LOAD.
        await().atMost(LOAD.plusSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> System.nanoTime() - start >= LOAD.toNanos());
        running.set(false);
        for (Future<?> client : clients) {
            client.get(30, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        Probing.awaitHealthy(60);
        long heapAfter = heapAfterGc();
        long rssAfter = rssKib();
        int total = Arrays.stream(counts).sum();
        System.out.printf("LOAD_UNDER_FAULTS %d requests in %.1f s (%.0f req/s, %d client threads), errors %s%n", total, seconds,
                total / seconds, THREADS, failures);
        System.out.printf("LOAD_UNDER_FAULTS faults: %s%n", String.join(", ", timeline));
        printLatencies("/diagnose (json)", latencies, counts, 0, 1, 2, 3);
        printLatencies("/diagnose (text)", latencies, counts, 6);
        printLatencies("/q/metrics", latencies, counts, 4, 5, 7);
        System.out.printf("LOAD_UNDER_FAULTS heap after GC: before %.1f MiB, after %.1f MiB (delta %+.1f MiB, margin %d MiB); "
                        + "RSS before %d MiB, after %d MiB%n", heapBefore / 1048576.0, heapAfter / 1048576.0,
                (heapAfter - heapBefore) / 1048576.0, HEAP_MARGIN >> 20, rssBefore / 1024, rssAfter / 1024);
        assertEquals(Map.of(), failures, "every request must be answered 200");
        assertTrue(total > 1000, "the load ran: " + total);
        assertTrue(heapAfter - heapBefore < HEAP_MARGIN, "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MiB");
    }

    /**
     * The faults one after the other, each driven by what the prober reports rather than by the clock: inject, poll
     * /diagnose until the verdict and the signal show the fault (or fail after {@link #FAULT_VISIBLE}), lift it, poll
     * until healthy again. Returns what happened when, relative to the start of the load.
     */
    private static List<String> injectFaults(long start) {
        FaultsResource.Env env = FaultsResource.env;
        List<String> timeline = new ArrayList<>();
        try {
            phase(start, timeline, "torghut hangs", () -> {
                env.torghut().set("/healthz", "hang");
                env.torghut().set("/trading/health", "hang");
            }, "trading-health", "PAUSE_RECOMMENDED", () -> {
                env.torghut().set("/healthz", "ok");
                env.torghut().set("/trading/health", "ok");
            });
            phase(start, timeline, "clickhouse killed", env.clickhouse()::kill, "clickhouse", "PAUSE_RECOMMENDED", env.clickhouse()::restart);
            phase(start, timeline, "kubernetes API hangs", () -> env.kubernetesProxy().mode(FaultProxy.Mode.HANG), "knative", "DEGRADED",
                    () -> env.kubernetesProxy().mode(FaultProxy.Mode.PASS));
        } finally {
            env.torghut().set("/healthz", "ok");
            env.torghut().set("/trading/health", "ok");
            env.kubernetesProxy().mode(FaultProxy.Mode.PASS);
            try {
                env.clickhouseAdmin().exec("SELECT 1");
            } catch (IllegalStateException down) {
                env.clickhouse().restart();
            }
        }
        return timeline;
    }

    /** The fault must show in /diagnose while the load runs, or the test proved nothing about faults. */
    private static void phase(long start, List<String> timeline, String fault, Runnable inject, String signal, String verdict,
                              Runnable lift) {
        inject.run();
        timeline.add(fault + " at " + since(start));
        JsonPath report = Probing.awaitSignalStatus(verdict, signal, "FAILING", (int) FAULT_VISIBLE.toSeconds());
        Map<String, Object> s = Probing.signal(report, signal);
        timeline.add("verdict " + verdict + " with " + signal + " " + s.get("status") + "/" + s.get("reason") + " at " + since(start));
        lift.run();
        Probing.awaitHealthy((int) FAULT_VISIBLE.toSeconds());
        timeline.add("healthy again at " + since(start));
    }

    private static String since(long start) {
        return String.format("%.1fs", (System.nanoTime() - start) / 1e9);
    }

    private static void runLoad(HttpClient http, String base, ExecutorService pool, Duration duration, long[][] latencies, int[] counts,
                                Map<String, Integer> failures, AtomicBoolean running) throws Exception {
        List<Future<?>> warm = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            warm.add(pool.submit(() -> drive(http, base, PATHS[thread], latencies[thread], counts, thread, failures, running)));
        }
        long start = System.nanoTime();
        await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> System.nanoTime() - start >= duration.toNanos());
        running.set(false);
        for (Future<?> f : warm) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(Map.of(), failures, "warm-up errors");
    }

    private static void drive(HttpClient http, String base, String path, long[] latencies, int[] counts, int thread,
                              Map<String, Integer> failures, AtomicBoolean running) {
        // /q/metrics is served on the management port (issue 11), /diagnose on the application port.
        String root = path.startsWith("/q/") ? ManagementInterface.origin() : base;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path.replace("?format=text", "")))
                .timeout(Duration.ofSeconds(10));
        HttpRequest request = (path.equals("/diagnose") ? builder.header("Accept", "application/json") : builder.header("Accept", "text/plain")).build();
        int n = 0;
        while (running.get()) {
            long begin = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    failures.merge(path + " HTTP " + response.statusCode(), 1, Integer::sum);
                }
            } catch (Exception e) {
                failures.merge(path + " " + e.getClass().getSimpleName(), 1, Integer::sum);
            }
            latencies[n % latencies.length] = System.nanoTime() - begin;
            n++;
        }
        counts[thread] = n;
    }

    private static void printLatencies(String label, long[][] latencies, int[] counts, int... threads) {
        int total = 0;
        for (int t : threads) {
            total += Math.min(counts[t], latencies[t].length);
        }
        long[] all = new long[total];
        int at = 0;
        for (int t : threads) {
            int n = Math.min(counts[t], latencies[t].length);
            System.arraycopy(latencies[t], 0, all, at, n);
            at += n;
        }
        Arrays.sort(all);
        if (all.length == 0) {
            return;
        }
        System.out.printf("LOAD_UNDER_FAULTS %-17s n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", label, all.length,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
