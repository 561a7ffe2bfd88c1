package io.torghut.prober.feature.pause.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.shared.model.TradingFlag;
import java.util.List;

/**
 * What a pause does, written out: returned in recommend mode and by GET /pause so a human can apply it by hand.
 *
 * @param reasons       why
 * @param repository    remote, branch and file (no credentials)
 * @param desiredInGit  TRADING_ENABLED in git (written true, false or unknown)
 * @param diff          the unified diff of the pause edit (null when git was not read or nothing changes)
 * @param resumeDiff    the diff a human would apply to resume (null when not paused in git)
 * @param commitMessage the message the prober writes
 * @param steps         the Argo CD step and the check that the pause took effect
 * @param note          why there is no diff, or why the edit is refused
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PausePlan(List<String> reasons, String repository, TradingFlag desiredInGit, String diff, String resumeDiff,
                        String commitMessage, List<String> steps, String note) {
}
