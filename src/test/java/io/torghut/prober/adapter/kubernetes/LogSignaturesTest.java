package io.torghut.prober.adapter.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.shared.ConfigProblem;
import io.torghut.prober.shared.model.LogSignature;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogSignaturesTest {

    record Entry(Optional<String> regex, String finding, Optional<String> dependency, boolean enabled)
            implements KubernetesConfig.Signature {
    }

    @Test
    void configuredEntriesAddReplaceAndRemove() {
        var signatures = LogSignatures.from(Map.of(
                "redis-down", new Entry(Optional.of("redis.*Connection refused"), "dependency-unreachable", Optional.of("postgres"), true),
                "python-traceback", new Entry(Optional.empty(), "startup-crash", Optional.empty(), false),
                "module-not-found", new Entry(Optional.of("No module named"), "startup-crash", Optional.empty(), true)));
        assertTrue(signatures.stream().noneMatch(s -> s.id().equals("python-traceback")));
        assertEquals("No module named", signatures.stream().filter(s -> s.id().equals("module-not-found")).findFirst().orElseThrow().pattern().pattern());
        LogSignature redis = signatures.stream().filter(s -> s.id().equals("redis-down")).findFirst().orElseThrow();
        assertEquals("A", redis.procedure());
        assertEquals(LogSignatures.defaults().size(), signatures.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no regex | '' | startup-crash | '' | invalid configuration prober.kubernetes.log-signatures.x.regex: is required",
            "bad regex | '(unclosed' | startup-crash | '' | invalid configuration prober.kubernetes.log-signatures.x.regex: is not a valid regular expression: Unclosed group",
            "dependency without name | 'refused' | dependency-unreachable | '' | invalid configuration prober.kubernetes.log-signatures.x.dependency: is required for finding dependency-unreachable (postgres or clickhouse)",
    })
    void invalidEntriesNameTheKey(String name, String regex, String finding, String dependency, String message) {
        Entry entry = new Entry(regex.isEmpty() ? Optional.empty() : Optional.of(regex), finding,
                dependency.isEmpty() ? Optional.empty() : Optional.of(dependency), true);
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> LogSignatures.from(Map.of("x", entry)));
        assertEquals(message, problem.getMessage());
    }
}
