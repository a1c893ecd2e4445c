package io.journeyflow.bench.compare;

import io.journeyflow.schema.CustomerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/** Events written out by hand for one scenario per customer, fed in time order. */
final class ScriptedEvents implements GeneratorFunction<Long, CustomerEvent> {

    private static final long serialVersionUID = 1L;

    private final ArrayList<CustomerEvent> events = new ArrayList<>();

    ScriptedEvents add(String customerId, String type, Instant at) {
        Map<String, Object> properties = new HashMap<>();
        if (type.equals("cart_updated")) {
            properties.put("cart_value", 42.5);
        }
        events.add(new CustomerEvent(customerId + "-" + events.size(), customerId, type, at.toEpochMilli(), null,
                properties));
        return this;
    }

    /** The events, stably sorted by time: the source must deliver every customer's events in order. */
    ScriptedEvents sorted() {
        events.sort(Comparator.comparingLong(CustomerEvent::getTs));
        return this;
    }

    List<CustomerEvent> events() {
        return List.copyOf(events);
    }

    long count() {
        return events.size();
    }

    @Override
    public CustomerEvent map(Long index) {
        return events.get(index.intValue());
    }
}
