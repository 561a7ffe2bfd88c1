package io.torghut.prober.feature.pause;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Captures what the running application's console handler writes: a handler on the root logger with the console
 * handler's own formatter and filter, so each captured string is byte for byte the line the console prints.
 */
final class ConsoleLogCapture implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = LogContext.getLogContext().getLogger("");
    private final ExtHandler handler;
    private final Formatter formatter;

    ConsoleLogCapture() {
        ConsoleHandler console = find(root.getHandlers());
        if (console == null) {
            throw new IllegalStateException("no console handler on the root logger");
        }
        formatter = console.getFormatter();
        Filter filter = console.getFilter();
        handler = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                lines.add(formatter.format(record));
            }
        };
        handler.setFilter(filter);
        root.addHandler(handler);
    }

    /** The console's formatter (the JSON one when {@code quarkus.log.console.json.enabled}). */
    Formatter formatter() {
        return formatter;
    }

    List<String> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }

    private static ConsoleHandler find(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler console) {
                return console;
            }
            if (handler instanceof ExtHandler ext) {
                ConsoleHandler nested = find(ext.getHandlers());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
