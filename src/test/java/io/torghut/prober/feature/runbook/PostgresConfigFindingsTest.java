package io.torghut.prober.feature.runbook;

import static io.torghut.prober.testsupport.K8sFixtures.NOW;
import static io.torghut.prober.testsupport.K8sFixtures.healthyVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.shared.model.Endpoint;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.testsupport.K8sFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DB_DSN against what CNPG says writes need ({@code <cluster>-rw}), joined with what Postgres answers Torghut. */
class PostgresConfigFindingsTest {
    static final FindingContext CTX = new FindingContext(healthyVerdict(), NOW, Duration.ofMinutes(3), RunbookNames.defaults());

    static Endpoint host(String host) {
        return new Endpoint("postgresql", List.of(host), Optional.of(5432), Optional.empty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "torghut-db-rw                              | ''",
        "torghut-db-rw.torghut.svc.cluster.local    | ''",
        "torghut-db-ro.torghut.svc                  | CRITICAL CNPG's read-only service (replicas only): every write fails there",
        "TORGHUT-DB-RO                              | CRITICAL CNPG's read-only service (replicas only): every write fails there",
        "torghut-db-r.torghut                       | CRITICAL CNPG's any-instance service: writes fail whenever it routes to a replica",
        "torghut-db-2.torghut-db-any.torghut.svc    | WARNING one CNPG instance: a replica after the next failover or switchover",
        "torghut-db-pooler-rw                       | ''",
        "10.96.12.7                                 | ''",
        "other-db-ro                                | ''",
    })
    void judgesTheHostForWrites(String hostName, String expected) {
        assertEquals(expected, PostgresConfigFindings.judgeHost(host(hostName), "torghut-db").map(p -> p.severity() + " " + p.what()).orElse(""));
    }

    static KnativeObservation withDsn(EnvVar dsn, Map<String, String> logs) {
        KnativeObservation base = K8sFixtures.knative("healthy.yaml", logs);
        KnativeServiceInfo s = base.service().orElseThrow();
        return new KnativeObservation(base.observedAt(), Optional.of(new KnativeServiceInfo(s.name(), s.conditions(), s.latestCreatedRevision(),
                s.latestReadyRevision(), s.traffic(), s.templateImage(), s.templateEnv().stream().map(e -> e.name().equals("DB_DSN") ? dsn : e)
                .toList())), base.revisions(), base.pods(), base.logs(), base.problems());
    }

    @Test
    void aDsnFromASecretIsNotReadButTheReadOnlyErrorsNameTheSecretAndKeyToCheck() {
        KnativeObservation obs = withDsn(EnvVar.secret("DB_DSN", "torghut-db-app", "uri"),
                Map.of(RunbookFindingsTest.P41, "read-only-migration.log"));
        Finding f = PostgresConfigFindings.misconfigured(obs, Optional.empty(), CTX).orElseThrow();
        assertEquals("Postgres refuses Torghut's writes in a read-only transaction (revision torghut-00041 logs)", f.summary());
        assertEquals(Severity.CRITICAL, f.severity(), "writes fail");
        assertTrue(f.evidence().contains("env DB_DSN of ksvc torghut template (spec, container user-container): from Secret torghut-db-app "
                + "key uri (Secrets are not read by the prober)"), f.evidence().toString());
        assertTrue(f.commands().contains("kubectl -n torghut get secret torghut-db-app -o jsonpath='{.data.uri}' | base64 -d | sed -E "
                + "'s#//[^@/]*@#//#; s#password=[^ &]*#password=***#g'; echo"), f.commands().toString());
        assertTrue(f.advice().get(0).startsWith("DB_DSN comes from Secret torghut-db-app key uri, which the prober does not read: check that its "
                + "host is torghut-db-rw"), f.advice().toString());
        assertEquals(List.of(), f.gitops(), "no edit of a value the prober has not read");
    }

    @Test
    void aRefusedPasswordIsTheCredentialsNotTheHost() {
        KnativeObservation obs = withDsn(EnvVar.secret("DB_DSN", "torghut-db-app", "uri"), Map.of());
        KnativeObservation refused = new KnativeObservation(obs.observedAt(), obs.service(), obs.revisions(), obs.pods(),
                List.of(new io.torghut.prober.shared.model.LogTail(RunbookFindingsTest.P41, "user-container", false, 3,
                        K8sFixtures.scanner().scan(List.of("psycopg.OperationalError: connection failed: FATAL:  password authentication failed "
                                + "for user \"torghut\"")), Optional.empty())), obs.problems());
        List<Finding> all = RunbookFindings.evaluate(Optional.of(refused), Optional.empty(), CTX);
        assertEquals(List.of(FindingIds.POSTGRES_MISCONFIGURED), all.stream().map(Finding::id).toList(),
                "a refused password is no connection error: no 'cannot reach postgres'");
        assertEquals("Postgres rejects Torghut's credentials (revision torghut-00041 logs)", all.get(0).summary());
        assertTrue(all.get(0).advice().get(0).contains("check its user and password against the database role"), all.get(0).advice().toString());
    }

    @Test
    void aDsnOnOneInstanceIsAWarningWithTheEdit() {
        Finding f = PostgresConfigFindings.misconfigured(withDsn(EnvVar.dependency("DB_DSN", Optional.empty(),
                host("torghut-db-1.torghut.svc")), Map.of()), Optional.empty(), CTX).orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("DB_DSN of ksvc torghut template points at torghut-db-1.torghut.svc, one CNPG instance: a replica after the next failover "
                + "or switchover; writes need torghut-db-rw", f.summary());
        assertEquals("the same DSN with host torghut-db-rw.torghut.svc; better: valueFrom.secretKeyRef name torghut-db-app key uri (CNPG's app "
                + "Secret: host torghut-db-rw, and no password in the manifest)", f.gitops().get(0).change());
    }
}
