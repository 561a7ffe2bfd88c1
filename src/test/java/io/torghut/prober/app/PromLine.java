package io.torghut.prober.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sample of the Prometheus text format: name, labels, value. Enough parsing to check the metric contract. */
record PromLine(String name, Map<String, String> labels, double value) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)(?: \\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    static List<PromLine> parse(String body) {
        List<PromLine> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            lines.add(new PromLine(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return lines;
    }

    /** The one sample with exactly these labels. */
    static PromLine find(List<PromLine> lines, String name, Map<String, String> labels) {
        List<PromLine> found = lines.stream().filter(l -> l.name().equals(name) && l.labels().equals(labels)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + labels + "; have: "
                    + lines.stream().filter(l -> l.name().equals(name)).toList());
        }
        return found.get(0);
    }
}
