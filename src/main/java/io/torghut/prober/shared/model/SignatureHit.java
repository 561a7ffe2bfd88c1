package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Optional;

/**
 * One log signature found in one log: how many lines matched and the first of them (scrubbed, shortened).
 *
 * @param finding    the finding it feeds ({@code startup-crash}, {@code dependency-unreachable}, {@code uuid-json-serialization})
 * @param dependency for dependency signatures, {@code postgres} or {@code clickhouse}
 */
@RegisterForReflection
public record SignatureHit(String signature, String finding, Optional<String> dependency, int count, String sample) {
}
