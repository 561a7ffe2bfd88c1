package io.torghut.prober.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.StubTorghut;
import io.torghut.prober.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole prober against a stub Torghut and the real PostgreSQL and ClickHouse: short intervals, a session that is
 * always open (so freshness counts at any hour), freshness tables of its own in {@code torghut_it}, and a log file
 * the secrets test reads back.
 */
public class ProberAppResource implements QuarkusTestResourceLifecycleManager {
    public static final String SIGNALS_TABLE = TestServices.CH_TEST_DATABASE + ".app_signals";
    public static final String MICROBARS_TABLE = TestServices.CH_TEST_DATABASE + ".app_microbars";
    public static final Path LOG_FILE = Path.of("target", "prober-app-test.log");
    private StubTorghut stub;

    @Override
    public Map<String, String> start() {
        TestServices.requirePostgres();
        TestServices.requireClickHouse();
        ClickHouseAdmin admin = ClickHouseAdmin.shared();
        for (String table : new String[] {SIGNALS_TABLE, MICROBARS_TABLE}) {
            admin.createTable(table);
            admin.truncate(table);
            admin.insertAged(table, 0);
        }
        try {
            Files.deleteIfExists(LOG_FILE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        stub = StubTorghut.start();
        Map<String, String> config = new HashMap<>();
        config.put("prober.torghut.url", stub.url());
        for (String probe : new String[] {"healthz", "trading-health"}) {
            config.put("prober.torghut." + probe + ".interval", "300ms");
            config.put("prober.torghut." + probe + ".timeout", "1s");
        }
        config.put("prober.clickhouse.url", TestServices.chUrl());
        config.put("prober.clickhouse.username", TestServices.CH_USER);
        config.put("prober.clickhouse.password", TestServices.CH_PASSWORD);
        config.put("prober.clickhouse.interval", "300ms");
        config.put("prober.clickhouse.timeout", "2s");
        config.put("prober.freshness.interval", "300ms");
        config.put("prober.freshness.timeout", "2s");
        config.put("prober.freshness.tables.ta_signals.table", SIGNALS_TABLE);
        config.put("prober.freshness.tables.ta_signals.max-age", "60s");
        config.put("prober.freshness.tables.ta_microbars.table", MICROBARS_TABLE);
        config.put("prober.freshness.tables.ta_microbars.max-age", "60s");
        config.put("prober.postgres.dsn", TestServices.pgUri(TestServices.PG_USER, TestServices.PG_PASSWORD, TestServices.pgPort()));
        config.put("prober.postgres.interval", "400ms");
        config.put("prober.postgres.timeout", "2s");
        config.put("prober.session.always-open", "true");
        config.put("prober.policy.evaluate-every", "200ms");
        if (kubernetesProbesPresent()) {
            // No Kubernetes API here: the Knative/CNPG probes would keep the verdict from ever being HEALTHY.
            config.put("prober.kubernetes.enabled", "false");
        }
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", LOG_FILE.toString());
        return config;
    }

    /** The key only exists once the Kubernetes capability is in; setting an unknown prober.* key fails startup. */
    private static boolean kubernetesProbesPresent() {
        try {
            Class.forName("io.torghut.prober.k8s.KubernetesConfig", false, ProberAppResource.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
