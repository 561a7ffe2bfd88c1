package io.torghut.prober.feature.probe.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.torghut.prober.feature.probe.DefaultSchedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/** The Torghut trading service and its two probes; prefix {@code prober.torghut}. */
@ConfigMapping(prefix = "prober.torghut")
public interface TorghutConfig {
    /** Torghut's base URL (Torghut's own variable {@code TORGHUT_URL} is read too). */
    @WithDefault("${TORGHUT_URL:http://torghut.torghut.svc.cluster.local}")
    @Pattern(regexp = "https?://.+", message = "must be an http:// or https:// URL")
    String url();

    /** {@code GET /healthz}: signal {@code healthz}. */
    @Valid
    DefaultSchedule healthz();

    /** {@code GET /trading/health}: signal {@code trading-health}. */
    @Valid
    DefaultSchedule tradingHealth();
}
