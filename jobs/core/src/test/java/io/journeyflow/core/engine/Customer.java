package io.journeyflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.CustomerState;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * One customer driven through the engine the way the Flink operator drives it: state stored between calls, one
 * event-time timer kept at {@link DueTimes#next} and moved on as it fires, in order, when time advances.
 */
final class Customer {

    final String id;
    final MutableCatalog catalog;
    final JourneyEngine engine;
    final RecordingSink sink = new RecordingSink();
    final TreeSet<Long> timers = new TreeSet<>();
    CustomerState state;
    private int nextEventId;

    Customer(String id, MutableCatalog catalog) {
        this(id, catalog, new JourneyEngine(EngineOptions.defaults()));
    }

    Customer(String id, MutableCatalog catalog, JourneyEngine engine) {
        this.id = id;
        this.catalog = catalog;
        this.engine = engine;
    }

    /** Sends an event with a fresh id; {@code properties} alternate names and values. */
    Customer send(String type, long ts, Object... properties) {
        return send(event("e-" + id + "-" + ++nextEventId, type, ts, properties));
    }

    CustomerEvent event(String eventId, String type, long ts, Object... properties) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put((String) properties[i], properties[i + 1]);
        }
        return new CustomerEvent(eventId, id, type, ts, null, map);
    }

    Customer send(CustomerEvent event) {
        state = storedAndReadBack(engine.onEvent(catalog, state, event, sink));
        moveTimer(Long.MIN_VALUE);
        return this;
    }

    /**
     * What a state backend hands back: RocksDB on every read and the heap backend after a snapshot give an Avro copy,
     * whose lists are {@code GenericData.Array}s (no iterator removal), not the collections the engine created.
     */
    private static CustomerState storedAndReadBack(CustomerState state) {
        return state == null ? null : CustomerState.newBuilder(state).build();
    }

    /** The watermark reaches {@code time}: the timer fires while it is at or before it, as Flink fires it. */
    Customer advanceTo(long time) {
        while (!timers.isEmpty() && timers.first() <= time) {
            long timer = timers.pollFirst();
            state = storedAndReadBack(engine.onTime(catalog, state, id, timer, sink));
            // A deadline still due after its timer fired would make Flink fire it again forever.
            TreeSet<Long> due = new TreeSet<>();
            DueTimes.forEach(state, due::add);
            assertThat(due).as("deadlines left at or before a fired timer").allMatch(t -> t > timer);
            moveTimer(timer);
        }
        return this;
    }

    private void moveTimer(long fired) {
        timers.clear();
        long next = state == null ? DueTimes.NONE : DueTimes.next(state, fired);
        if (next != DueTimes.NONE) {
            timers.add(next);
        }
    }
}
