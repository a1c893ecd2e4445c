package io.journeyflow.local.generate;

import io.journeyflow.schema.CustomerEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one visit's behaviour into events: numbered per customer, kept within the period, rounded to the second,
 * and sometimes delivered twice (same event id), as a real at-least-once feed does.
 */
final class VisitWriter {

    final CustomerTraits who;
    final Sampler draw;
    private final long start;
    private final long end;
    private final double duplicateRate;
    private final List<PendingEvent> out;
    private int sequence;
    private int order;

    VisitWriter(CustomerTraits who, Sampler draw, GeneratorPeriod period, int sequence, int order,
                List<PendingEvent> out) {
        this.who = who;
        this.draw = draw;
        this.start = period.start();
        this.end = period.end();
        this.duplicateRate = period.duplicateRate();
        this.sequence = sequence;
        this.order = order;
        this.out = out;
    }

    /** Events outside the period are dropped: a visit near its end is cut short, as an export would cut it. */
    void emit(String type, long ts, String channel, Map<String, Object> properties) {
        if (ts < start || ts >= end) {
            return;
        }
        long rounded = ts - Math.floorMod(ts, Sampler.SECOND);
        CustomerEvent event = new CustomerEvent("e-" + who.number() + "-" + (++sequence), who.customerId(), type,
                rounded, channel, properties);
        out.add(new PendingEvent(rounded, who.number(), ++order, event));
        if (draw.chance(duplicateRate)) {
            out.add(new PendingEvent(rounded, who.number(), ++order, CustomerEvent.newBuilder(event).build()));
        }
    }

    /** A number of this customer's own, for order, ticket and appointment ids. */
    String nextId(String prefix) {
        return prefix + "-" + who.number() + "-" + (sequence + 1);
    }

    int sequence() {
        return sequence;
    }

    int order() {
        return order;
    }

    static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
