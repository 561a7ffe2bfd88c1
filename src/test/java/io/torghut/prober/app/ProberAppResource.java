package io.torghut.prober.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.ProberKeys;
import io.torghut.prober.testsupport.StubTorghut;
import io.torghut.prober.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        ClickHouseAdmin.shared().freshTables(SIGNALS_TABLE, MICROBARS_TABLE);
        try {
            Files.deleteIfExists(LOG_FILE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        stub = StubTorghut.start();
        return ProberKeys.prober()
                .torghut(stub.url(), "1s", "1s")
                .clickhouse(TestServices.chUrl(), "1s", "2s")
                .freshness(SIGNALS_TABLE, MICROBARS_TABLE, "60s", "1s", "2s")
                .postgres(TestServices.pgPort(), "1s", "2s")
                .alwaysOpen()
                .kubernetesOff()
                .set("quarkus.log.file.enabled", "true")
                .set("quarkus.log.file.path", LOG_FILE.toString())
                .build();
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
