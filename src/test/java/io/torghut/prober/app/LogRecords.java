package io.torghut.prober.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The prober's text log file cut into records: a record starts at a timestamped line and holds the lines that follow
 * it (an exception and its stack trace). Lets {@link SecretsLeakTest} tell the prober's own stack traces, which must
 * never be logged, from Vert.x's blocked-thread warning, which a starved CI machine makes Vert.x print with the
 * blocked thread's stack and which says nothing about the prober's error handling.
 */
record LogRecords(List<LogRecords.Entry> entries) {
    private static final Pattern START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}.*");
    /** Vert.x' own warning: category io.vertx.core.impl.BlockedThreadChecker, message "Thread ... has been blocked for". */
    private static final Pattern BLOCKED = Pattern.compile(".* WARN +\\[io\\.ver[a-z.]*\\.BlockedThreadChecker\\] .*"
            + "Thread Thread\\[[^\\]]+\\] has been blocked for \\d+ ms, time limit is \\d+ ms.*");
    private static final String BLOCKED_EXCEPTION = "io.vertx.core.VertxException: Thread blocked";

    /** One log record: its first line and the lines printed under it. */
    record Entry(String header, List<String> continuation) {
        List<String> lines() {
            List<String> all = new ArrayList<>(List.of(header));
            all.addAll(continuation);
            return all;
        }

        boolean hasStackTrace() {
            return continuation.stream().anyMatch(l -> l.startsWith("\tat "));
        }

        /** Vert.x' blocked-thread warning, whose stack trace is the blocked thread's, not an error the prober logged. */
        boolean blockedThreadWarning() {
            return BLOCKED.matcher(header).matches() && !continuation.isEmpty() && continuation.get(0).equals(BLOCKED_EXCEPTION);
        }
    }

    static LogRecords parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        String header = null;
        List<String> continuation = new ArrayList<>();
        for (String line : lines) {
            if (START.matcher(line).matches() || header == null) {
                if (header != null) {
                    entries.add(new Entry(header, List.copyOf(continuation)));
                }
                header = line;
                continuation = new ArrayList<>();
            } else {
                continuation.add(line);
            }
        }
        if (header != null) {
            entries.add(new Entry(header, List.copyOf(continuation)));
        }
        return new LogRecords(List.copyOf(entries));
    }

    /** Records with a stack trace that is not Vert.x' blocked-thread warning. */
    List<Entry> stackTraces() {
        return entries.stream().filter(e -> e.hasStackTrace() && !e.blockedThreadWarning()).toList();
    }
}
