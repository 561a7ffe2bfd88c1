package io.torghut.prober.adapter.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.torghut.prober.shared.model.Endpoint;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.testsupport.K8sFixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A literal DB_DSN in a revision carries a password. Where it is read, only scheme, hosts and port survive: the password
 * (and the user, the database, the query) never reaches the observation, so it cannot reach a log line, /diagnose or a
 * metric either.
 */
class EnvEndpointsTest {
    static final String PASSWORD = "S3cr3t-pw_91";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "postgresql://torghut:S3cr3t-pw_91@torghut-db-ro.torghut.svc.cluster.local:5432/torghut?sslmode=require | postgresql | torghut-db-ro.torghut.svc.cluster.local | 5432",
        "postgres://torghut:S3cr3t-pw_91@torghut-db-rw/torghut                                                 | postgres   | torghut-db-rw                           | ",
        "jdbc:postgresql://torghut-db-r:5432/torghut?user=torghut&password=S3cr3t-pw_91                         | jdbc:postgresql | torghut-db-r                         | 5432",
        "host=torghut-db-ro port=5432 dbname=torghut user=torghut password='S3cr3t-pw_91' sslmode=require      | ''         | torghut-db-ro                           | 5432",
        "postgresql://torghut:S3cr3t-pw_91@torghut-db-1:5432,torghut-db-2:5432/torghut                          | postgresql | torghut-db-1                            | 5432",
    })
    void aLiteralDsnKeepsWhereItPointsAndNothingElse(String dsn, String scheme, String host, Integer port) {
        EnvVar read = EnvEndpoints.read("DB_DSN", dsn);
        Endpoint endpoint = read.endpoint().orElseThrow();
        assertEquals(scheme, endpoint.scheme());
        assertEquals(host, endpoint.host());
        assertEquals(Optional.ofNullable(port), endpoint.port());
        assertEquals(Optional.empty(), read.value(), "the DSN's text is not kept");
        assertFalse(read.toString().contains(PASSWORD) || read.toString().contains("torghut:") || read.toString().contains("sslmode"),
                read.toString());
    }

    @Test
    void aDsnThatCannotBeReadSaysSoWithoutRepeatingIt() {
        EnvVar read = EnvEndpoints.read("DB_DSN", "mysql://torghut:" + PASSWORD + "@db/torghut");
        assertEquals(Optional.of("DB_DSN has an unsupported scheme; use postgresql://, postgres://, jdbc:postgresql: or key=value pairs"),
                read.endpoint().orElseThrow().problem());
        assertFalse(read.toString().contains(PASSWORD), read.toString());
    }

    @Test
    void aUrlLosesItsUserInfoQueryAndFragment() {
        EnvVar read = EnvEndpoints.read("TA_CLICKHOUSE_URL", "http://torghut:" + PASSWORD + "@torghut-clickhouse:9000/?password=" + PASSWORD + "#x");
        assertEquals(Optional.of("http://torghut-clickhouse:9000/"), read.value());
        assertEquals(new Endpoint("http", List.of("torghut-clickhouse"), Optional.of(9000), Optional.empty()), read.endpoint().orElseThrow());
        assertEquals(new Endpoint("", List.of("torghut-clickhouse"), Optional.of(9000), Optional.empty()),
                EnvEndpoints.read("CLICKHOUSE_HOST", "torghut-clickhouse:9000").endpoint().orElseThrow());
    }

    /** The whole path from the API's object to the observation: no trace of the password anywhere in it. */
    @Test
    void theObservationOfARevisionWithALiteralDsnHoldsNoPassword() {
        String yaml = K8sFixtures.text("config-error.yaml");
        KnativeObservation obs = K8sFixtures.knative(K8sFixtures.parse(yaml), Map.of(), K8sFixtures.NOW);
        assertFalse(obs.toString().contains(K8sFixtures.CONFIG_ERROR_PASSWORD), obs.toString());
        assertEquals("torghut-db-ro.torghut.svc.cluster.local", obs.revision("torghut-00042").orElseThrow().envVar("DB_DSN").orElseThrow()
                .endpoint().orElseThrow().host());
        assertFalse(yaml.indexOf(K8sFixtures.CONFIG_ERROR_PASSWORD) < 0, "the fixture does carry the password");
    }
}
