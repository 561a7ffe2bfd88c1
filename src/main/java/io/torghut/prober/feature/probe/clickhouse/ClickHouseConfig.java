package io.torghut.prober.feature.probe.clickhouse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.torghut.prober.feature.probe.DefaultSchedule;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/** ClickHouse, reached over its HTTP interface, and the {@code clickhouse} probe; prefix {@code prober.clickhouse}. */
@ConfigMapping(prefix = "prober.clickhouse")
public interface ClickHouseConfig extends DefaultSchedule {
    /**
     * ClickHouse's HTTP URL ({@code TA_CLICKHOUSE_URL} is read too); {@code jdbc:clickhouse://host:port/db} is accepted
     * (the path is the database); credentials in the URL are refused.
     */
    @WithDefault("${TA_CLICKHOUSE_URL:http://torghut-clickhouse.torghut.svc.cluster.local:8123}")
    @NotBlank
    String url();

    /** The ClickHouse user ({@code TA_CLICKHOUSE_USERNAME} is read too). */
    @WithDefault("${TA_CLICKHOUSE_USERNAME:default}")
    String username();

    /** Its password ({@code TA_CLICKHOUSE_PASSWORD} is read too). A secret: never logged. */
    @WithDefault("${TA_CLICKHOUSE_PASSWORD:}")
    Optional<String> password();
}
