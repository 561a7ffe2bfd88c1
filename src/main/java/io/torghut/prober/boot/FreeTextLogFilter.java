package io.torghut.prober.boot;

import io.quarkus.logging.LoggingFilter;
import io.torghut.prober.shared.FreeText;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log message leaves as one line of {@link FreeText}: messages quote text from outside (git and Kubernetes
 * errors, webhook fields), and in the text format a newline there would start a forged record, a bidi override would
 * reorder the line on screen. The JSON format escapes quotes and newlines by itself; hidden characters it keeps, so
 * this filter runs for both (console and file handlers, see application.properties). It never drops a record.
 */
@LoggingFilter(name = FreeTextLogFilter.NAME)
public final class FreeTextLogFilter implements Filter {
    /** The name the handlers' {@code filter} keys refer to. */
    public static final String NAME = "free-text";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            if (formatted != null && !FreeText.isClean(formatted)) {
                ext.setMessage(FreeText.line(formatted), ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }
}
