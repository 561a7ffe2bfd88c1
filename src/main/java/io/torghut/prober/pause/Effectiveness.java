package io.torghut.prober.pause;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Whether the last triggered pause is in force.
 *
 * @param status           {@code none} (no pause tracked), {@code waiting}, {@code effective} or {@code overdue}
 * @param commit           the pause commit
 * @param committedAt      ISO-8601
 * @param effectiveSeconds commit to effective, null until effective
 * @param detail           what is still missing, or what made it effective
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Effectiveness(String status, String commit, String committedAt, Double effectiveSeconds, String detail) {
    public static final Effectiveness NONE = new Effectiveness("none", null, null, null, "no triggered pause to confirm");
}
