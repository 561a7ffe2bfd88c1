package io.torghut.prober.feature.pause.manifest;

import java.util.Comparator;
import java.util.List;

/** Replace {@code [start, end)} of the text by {@code replacement}; an insertion has {@code start == end}. */
record Splice(int start, int end, String replacement) {

    static String apply(String text, List<Splice> splices) {
        StringBuilder out = new StringBuilder(text);
        // From the end backwards so that earlier offsets stay valid.
        splices.stream().sorted(Comparator.comparingInt(Splice::start).reversed())
                .forEach(s -> out.replace(s.start(), s.end(), s.replacement()));
        return out.toString();
    }
}
