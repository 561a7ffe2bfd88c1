package io.torghut.prober.feature.target;

import io.torghut.prober.feature.runbook.RunbookNames;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The names every printed command uses: every runbook finding, from the cluster or the signals alike. */
@Singleton
public class TargetProducers {

    @Produces
    @Singleton
    RunbookNames runbookNames(TargetConfig target) {
        return RunbookNames.of(target.namespace(), target.service(), target.cnpgCluster(), target.podContainer(), target.manifestPath());
    }
}
