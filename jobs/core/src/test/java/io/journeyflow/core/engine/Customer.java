package io.journeyflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.CustomerState;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * One customer driven through the engine the way the Flink operator drives it: state stored between calls, event-time
 * timers kept in step with {@link JourneyEngine#dueTimes} and fired in order when time advances.
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
        TreeSet<Long> before = due();
        state = storedAndReadBack(engine.onEvent(catalog, state, event, sink));
        syncTimers(before);
        return this;
    }

    /**
     * What a state backend hands back: RocksDB on every read and the heap backend after a snapshot give an Avro copy,
     * whose lists are {@code GenericData.Array}s (no iterator removal), not the collections the engine created.
     */
    private static CustomerState storedAndReadBack(CustomerState state) {
        return state == null ? null : CustomerState.newBuilder(state).build();
    }

    /** The watermark reaches {@code time}: timers at or before it fire in order, as Flink fires them. */
    Customer advanceTo(long time) {
        while (!timers.isEmpty() && timers.first() <= time) {
            long timer = timers.pollFirst();
            TreeSet<Long> before = due();
            state = storedAndReadBack(engine.onTime(catalog, state, id, timer, sink));
            // A deadline still due after its timer fired would make Flink fire it again forever.
            assertThat(due()).as("deadlines left at or before a fired timer").allMatch(t -> t > timer);
            before.remove(timer);
            syncTimers(before);
        }
        return this;
    }

    private TreeSet<Long> due() {
        TreeSet<Long> due = new TreeSet<>();
        JourneyEngine.dueTimes(state, due::add);
        return due;
    }

    private void syncTimers(TreeSet<Long> before) {
        TreeSet<Long> after = due();
        timers.removeAll(before);
        timers.addAll(after);
    }
}
