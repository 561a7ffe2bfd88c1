package io.torghut.prober.testsupport;

import io.torghut.prober.deploy.ExternalCommand;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code promtool check metrics} on a real scrape, limited to the prober's own families. Two things are not ours
 * and are left out or allowed: Micrometer's JVM binders write {@code \"} in HELP texts, which promtool 2.42 cannot
 * parse; and the Prometheus Java client writes counters the OpenMetrics way ({@code # HELP x} for samples
 * {@code x_total}), which promtool reports as "x_total no help text" although the help is there.
 */
public final class PromtoolLint {
    private PromtoolLint() {
    }

    /** The prober's own lines of a scrape. */
    public static String ours(String scrape) {
        return scrape.lines().filter(line -> line.startsWith("torghut_prober_")
                || line.startsWith("# TYPE torghut_prober_") || line.startsWith("# HELP torghut_prober_"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** What promtool finds wrong in our families, minus the counter-help false positive; empty when clean. */
    public static List<String> problems(String scrape) {
        ExternalCommand lint = ExternalCommand.run(Duration.ofSeconds(30), ours(scrape), "promtool", "check", "metrics");
        return lint.output().lines().filter(l -> !l.isBlank()).filter(problem -> {
            Matcher counter = Pattern.compile("(\\S+)_total no help text").matcher(problem);
            return !(counter.matches() && scrape.lines().anyMatch(l -> l.matches("# HELP " + Pattern.quote(counter.group(1)) + " \\S.*")));
        }).toList();
    }
}
