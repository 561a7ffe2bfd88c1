package io.torghut.prober.boot.config;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.testsupport.ProberKeys;
import io.torghut.prober.testsupport.StubTorghut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Map-shaped configuration in a real YAML file named by {@code quarkus.config.locations}, as the Deployment mounts it:
 * an extra HTTP target answering 202 on a stub (its URL, interval and expected status only in the file), a freshness
 * table of its own, and a max age for a table application.properties declares. Nothing else is reachable.
 */
public class YamlConfigResource implements QuarkusTestResourceLifecycleManager {
    private StubTorghut stub;
    private Path file;

    @Override
    public Map<String, String> start() {
        stub = StubTorghut.start();
        stub.set("/yaml-target", "status:202");
        try {
            file = Files.createTempFile("prober-config", ".yaml");
            Files.writeString(file, """
                    prober:
                      http:
                        yaml-target:
                          url: %s/yaml-target
                          interval: 1s
                          expected-status: 202
                      freshness:
                        tables:
                          ta_quotes:
                            table: torghut.ta_quotes
                            max-age: 90s
                          ta_signals:
                            max-age: 7m
                    """.formatted(stub.url()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProberKeys.prober()
                .set("quarkus.config.locations", file.toString())
                .kubernetesOff()
                .torghutAndClickHouseUnreachable()
                .build();
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
