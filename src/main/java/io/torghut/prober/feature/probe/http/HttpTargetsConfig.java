package io.torghut.prober.feature.probe.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import io.torghut.prober.feature.probe.DefaultSchedule;
import io.torghut.prober.feature.probe.ProbeSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.Optional;

/** Extra HTTP targets, {@code prober.http.<name>.url}: each becomes a probe and a signal named {@code <name>}. */
@ConfigMapping(prefix = "prober.http")
public interface HttpTargetsConfig {
    /** The targets by signal name (none by default). */
    @WithParentName
    Map<@Pattern(regexp = ProbeSpec.NAME_PATTERN, message = ProbeSpec.NAME_MESSAGE) String, @Valid Target> targets();

    /** One extra target. */
    interface Target extends DefaultSchedule {
        /** The URL to GET. Required. */
        @Pattern(regexp = "https?://.+", message = "must be an http:// or https:// URL")
        String url();

        /** The status that counts as up; when absent any 2xx does. */
        Optional<@Min(100) @Max(599) Integer> expectedStatus();
    }
}
