package io.torghut.prober.feature.probe.kubernetes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.ProberKeys;
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
        ClickHouseAdmin.shared().freshTables(SIGNALS_TABLE, MICROBARS_TABLE);
        torghut = StubTorghut.start();
        return ProberKeys.prober()
                .torghut(torghut.url(), null, null)
                .clickhouse(TestServices.chUrl(), null, null)
                .freshness(SIGNALS_TABLE, MICROBARS_TABLE, "1h", null, null)
                .postgres(TestServices.pgPort(), null, null)
                .build();
    }

    @Override
    public void stop() {
        if (torghut != null) {
            torghut.close();
        }
    }
}
