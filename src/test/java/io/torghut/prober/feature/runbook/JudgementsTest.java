package io.torghut.prober.feature.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.Condition;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.LiveTrading;
import io.torghut.prober.shared.model.RevisionInfo;
import io.torghut.prober.shared.model.TradingFlag;
import io.torghut.prober.testsupport.K8sFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pure judgements: CNPG health, TA_CLICKHOUSE_URL, TRADING_ENABLED. */
class JudgementsTest {

    @ParameterizedTest(name = "{0} ready={1}/3 current={2} target={3} -> {5}")
    @CsvSource(delimiter = '|', value = {
            "Cluster in healthy state                   | 3 | torghut-db-1 | torghut-db-1 | True  | HEALTHY",
            "Cluster in healthy state                   | 2 | torghut-db-1 | torghut-db-1 | True  | DEGRADED",
            "Creating a new replica                     | 2 | torghut-db-1 | torghut-db-1 | False | DEGRADED",
            "Waiting for the instances to become active | 2 | torghut-db-1 | torghut-db-1 | False | DEGRADED",
            "Upgrading cluster                          | 3 | torghut-db-1 | torghut-db-1 | True  | DEGRADED",
            "Failing over                               | 2 | torghut-db-1 | torghut-db-2 | False | NO_PRIMARY",
            "Switchover in progress                     | 3 | torghut-db-1 | torghut-db-2 | True  | NO_PRIMARY",
            "Failing over                               | 2 | torghut-db-1 | pending      | False | NO_PRIMARY",
            "Cluster in healthy state                   | 3 | ''           | ''           | True  | NO_PRIMARY",
            "Cluster in healthy state                   | 0 | torghut-db-1 | torghut-db-1 | False | NO_PRIMARY",
            "Primary instance is being restarted in-place | 2 | torghut-db-1 | torghut-db-1 | False | NO_PRIMARY",
    })
    void cnpgOnlyPausesWithoutAWritablePrimary(String phase, int ready, String current, String target, String readyCondition,
                                               CnpgHealth.Level expected) {
        CnpgObservation.Cluster cluster = new CnpgObservation.Cluster("torghut-db", phase, "", 3, ready, current, target,
                List.of(new Condition("Ready", readyCondition, "", "")));
        assertEquals(expected, CnpgHealth.judge(cluster).level());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://torghut-clickhouse.torghut.svc.cluster.local:8123 | ''",
            "https://clickhouse.example.com:8443                      | ''",
            "http://torghut-clickhouse.torghut.svc.cluster.local:9000 | uses port 9000, a ClickHouse native/interserver port, not the HTTP port 8123",
            "tcp://torghut-clickhouse:9000                            | is not an http:// URL (the dependency check speaks ClickHouse's HTTP interface)",
            "torghut-clickhouse.torghut.svc.cluster.local             | is not an http:// URL (the dependency check speaks ClickHouse's HTTP interface)",
            "http://torghut-clickhouse.torghut.svc.cluster.local      | uses port 80, not ClickHouse's HTTP port 8123 (8443 with TLS)",
            "http://:8123                                             | has no host",
    })
    void clickhouseUrlMustBeTheHttpService(String url, String problem) {
        assertEquals(problem.isEmpty() ? Optional.empty() : Optional.of(problem), ClickHouseFindings.judgeUrl(url));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"true | true", "\"TRUE\" | ''", "True | true", "1 | true", "on | true", "false | false",
            "0 | false", "No | false", "maybe | ''", "'' | ''"})
    void tradingEnabledParsesPythonBooleans(String value, String expected) {
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(Boolean.parseBoolean(expected)), TradingFlag.parse(value).known());
    }

    @ParameterizedTest(name = "serving {0}/{1} -> {2}")
    @CsvSource(delimiter = '|', value = {"true | false | true", "false | false | false", "false | '' | ''", "'' | true | true"})
    void anyServingRevisionThatTradesMeansTradingIsOn(String first, String second, String expected) {
        KnativeServiceInfo ksvc = new KnativeServiceInfo("torghut", List.of(), Optional.of("r2"), Optional.of("r2"),
                List.of(new KnativeServiceInfo.Traffic("r1", 50, false), new KnativeServiceInfo.Traffic("r2", 50, true)),
                Optional.empty(), List.of());
        KnativeObservation obs = new KnativeObservation(K8sFixtures.NOW, Optional.of(ksvc),
                List.of(revision("r2", second), revision("r1", first)), List.of(), List.of(), List.of());
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(Boolean.parseBoolean(expected)), LiveTrading.enabled(obs));
    }

    private static RevisionInfo revision(String name, String trading) {
        List<EnvVar> env = trading.isEmpty() ? List.of() : List.of(EnvVar.plain("TRADING_ENABLED", trading));
        return new RevisionInfo(name, Instant.EPOCH, List.of(new Condition("Ready", "True", "", "")), Optional.empty(), Optional.empty(), env);
    }
}
