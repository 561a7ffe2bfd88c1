package io.torghut.prober.feature.pause.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Whether the last triggered pause is in force.
 *
 * @param status           where the pause stands
 * @param commit           the pause commit
 * @param committedAt      ISO-8601
 * @param effectiveSeconds commit to effective, null until effective
 * @param detail           what is still missing, or what made it effective
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Effectiveness(EffectivenessStatus status, String commit, String committedAt, Double effectiveSeconds, String detail) {
    public static final Effectiveness NONE = new Effectiveness(EffectivenessStatus.NONE, null, null, null, "no triggered pause to confirm");
}
