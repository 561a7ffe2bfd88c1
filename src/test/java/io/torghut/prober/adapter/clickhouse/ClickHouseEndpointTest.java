package io.torghut.prober.adapter.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClickHouseEndpointTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            http://torghut-clickhouse.torghut.svc.cluster.local:8123 | http://torghut-clickhouse.torghut.svc.cluster.local:8123/ |
            http://ch                                                | http://ch:8123/         |
            http://ch/                                               | http://ch:8123/         |
            https://ch                                               | https://ch:8443/        |
            https://ch:9443/                                         | https://ch:9443/        |
            http://ch:8123///                                        | http://ch:8123/         |
            http://ch:8123/torghut/                                  | http://ch:8123/         | torghut
            http://ch:8123//torghut//                                | http://ch:8123/         | torghut
            jdbc:clickhouse://ch:8123/torghut                        | http://ch:8123/         | torghut
            jdbc:clickhouse://ch:8123/torghut?ssl=false&socket_timeout=3000 | http://ch:8123/  | torghut
            jdbc:clickhouse://ch:8443/torghut?ssl=true               | https://ch:8443/        | torghut
            jdbc:clickhouse://ch:8123                                | http://ch:8123/         |
            jdbc:ch://ch/torghut                                     | http://ch:8123/         | torghut
            clickhouse://ch:8123/torghut                             | http://ch:8123/         | torghut
            http://[::1]:8123                                        | http://[::1]:8123/      |
            jdbc:clickhouse://[2001:db8::1]/torghut                  | http://[2001:db8::1]:8123/ | torghut
            http://10.0.0.7:18123                                    | http://10.0.0.7:18123/  |
            "  http://ch:8123  "                                     | http://ch:8123/         |
            """)
    void parses(String raw, String base, String database) {
        ClickHouseEndpoint endpoint = ClickHouseEndpoint.parse(raw);
        assertEquals(base, endpoint.base().toString());
        assertEquals(Optional.ofNullable(database), endpoint.database());
        assertEquals(base.substring(0, base.length() - 1), endpoint.display());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            http://default:s3cret-ch-pass@ch:8123                    | ClickHouse URL must not carry credentials; use TA_CLICKHOUSE_USERNAME and TA_CLICKHOUSE_PASSWORD
            jdbc:clickhouse://torghut:s3cret-ch-pass@ch:8123/torghut | ClickHouse URL must not carry credentials; use TA_CLICKHOUSE_USERNAME and TA_CLICKHOUSE_PASSWORD
            https://torghut@ch                                       | ClickHouse URL must not carry credentials; use TA_CLICKHOUSE_USERNAME and TA_CLICKHOUSE_PASSWORD
            ftp://ch:8123                                            | ClickHouse URL must start with http://, https:// or jdbc:clickhouse:// (got scheme 'ftp')
            jdbc:mysql://ch:3306/torghut                             | ClickHouse URL must start with http://, https:// or jdbc:clickhouse:// (got scheme 'jdbc')
            tcp://ch:9000                                            | ClickHouse URL must start with http://, https:// or jdbc:clickhouse:// (got scheme 'tcp')
            http://                                                  | ClickHouse URL is not a valid URL (expected http://host:8123 or jdbc:clickhouse://host:8123/db)
            http://ch:8123/tor ghut                                  | ClickHouse URL is not a valid URL (expected http://host:8123 or jdbc:clickhouse://host:8123/db)
            http:///torghut                                          | ClickHouse URL has no host
            """)
    void rejectsWithExactMessage(String raw, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClickHouseEndpoint.parse(raw));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void emptyIsRejected(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClickHouseEndpoint.parse(raw));
        assertEquals("ClickHouse URL is empty", e.getMessage());
    }
}
