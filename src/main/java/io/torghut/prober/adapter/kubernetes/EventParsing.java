package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.shared.model.EventInfo;
import java.time.Instant;
import java.util.Map;

/** Turns core v1 Events into records; the message is outside text, cleaned here. Pure. */
public final class EventParsing {
    private EventParsing() {
    }

    public static EventInfo event(Map<String, Object> event) {
        int count = Fields.number(event, "count");
        // core/v1 Events carry lastTimestamp; events.k8s.io-written ones only eventTime or series.lastObservedTime.
        Instant last = Fields.instant(Fields.text(event, "lastTimestamp"));
        if (Instant.EPOCH.equals(last)) {
            last = Fields.instant(Fields.text(event, "series", "lastObservedTime"));
        }
        if (Instant.EPOCH.equals(last)) {
            last = Fields.instant(Fields.text(event, "eventTime"));
        }
        String source = Fields.text(event, "source", "component");
        return new EventInfo(Fields.text(event, "involvedObject", "kind"), Fields.text(event, "involvedObject", "name"),
                Fields.text(event, "type"), Fields.outside(event, "reason"), Fields.outside(event, "message"), Math.max(1, count),
                last, source.isEmpty() ? Fields.text(event, "reportingComponent") : source);
    }
}
