package io.torghut.prober.k8s;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.StubTorghut;
import io.torghut.prober.testsupport.TestServices;
import java.util.Map;

/**
 * Healthy dependencies for the Kubernetes scenarios, so that a healthy cluster can be checked for "no findings at
 * all": the real PostgreSQL and ClickHouse of the test services (fresh rows in tables of this test's own, with a max
 * age of an hour so that they stay fresh for the whole class) and the stub Torghut answering {@code ok}.
 */
public class ScenarioDependencies implements QuarkusTestResourceLifecycleManager {
    static final String SIGNALS_TABLE = TestServices.CH_TEST_DATABASE + ".k8s_signals";
    static final String MICROBARS_TABLE = TestServices.CH_TEST_DATABASE + ".k8s_microbars";
    private StubTorghut torghut;

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
        torghut = StubTorghut.start();
        return Map.ofEntries(
                Map.entry("prober.torghut.url", torghut.url()),
                Map.entry("prober.clickhouse.url", TestServices.chUrl()),
                Map.entry("prober.clickhouse.username", TestServices.CH_USER),
                Map.entry("prober.clickhouse.password", TestServices.CH_PASSWORD),
                Map.entry("prober.freshness.tables.ta_signals.table", SIGNALS_TABLE),
                Map.entry("prober.freshness.tables.ta_signals.max-age", "1h"),
                Map.entry("prober.freshness.tables.ta_microbars.table", MICROBARS_TABLE),
                Map.entry("prober.freshness.tables.ta_microbars.max-age", "1h"),
                Map.entry("prober.postgres.dsn", TestServices.pgUri(TestServices.PG_USER, TestServices.PG_PASSWORD, TestServices.pgPort())));
    }

    @Override
    public void stop() {
        if (torghut != null) {
            torghut.close();
        }
    }
}
