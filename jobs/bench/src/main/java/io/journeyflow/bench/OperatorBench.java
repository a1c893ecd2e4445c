package io.journeyflow.bench;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.orchestrator.JourneyOrchestrator;
import io.journeyflow.job.orchestrator.JourneyOrchestratorOperator;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.JourneyRecord;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;

/**
 * The real keyed orchestrator operator on one thread, driven through Flink's operator test harness with a real state
 * backend and real event-time timers: what one core of a TaskManager does per event, minus the network and Kafka.
 */
public final class OperatorBench {

    private static final long OUT_OF_ORDERNESS_MS = 5_000;
    private static final int WATERMARK_EVERY = 1_000;
    private static final int DRAIN_EVERY = 10_000;

    public static void main(String[] args) throws Exception {
        String backendName = args.length > 0 ? args[0] : "hashmap";
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int eventCount = args.length > 2 ? Integer.parseInt(args[2]) : 3_000_000;
        int journeyCount = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        CustomerEvent[] events = BenchWorkload.events(customers, eventCount, 7, 42L);
        List<JourneyRecord> journeys = records(BenchWorkload.journeys(journeyCount));

        double warmUp = run(backend(backendName), journeys, events, eventCount / 3);
        double seconds = run(backend(backendName), journeys, events, eventCount);
        System.out.printf("operator %-8s %,10.0f events/s   (%,d events, %,d customers, %d journeys, %.1f s; "
                + "warm-up %.1f s)%n",
                backendName, eventCount / seconds, eventCount, customers, journeyCount, seconds, warmUp);
    }

    private static StateBackend backend(String name) {
        return switch (name) {
            case "hashmap" -> new HashMapStateBackend();
            case "rocksdb" -> rocksdb();
            default -> throw new IllegalArgumentException("backend must be hashmap or rocksdb, not " + name);
        };
    }

    /**
     * RocksDB as a TaskManager would run it. The harness's mock environment offers only a few megabytes of managed
     * memory, which would shrink RocksDB's write buffers to kilobytes and measure an absurd pile of tiny files, so the
     * benchmark gives RocksDB a fixed budget of its own (what a TaskManager's managed memory provides) and bloom
     * filters, so that reads of customers without state do not search every file.
     */
    private static StateBackend rocksdb() {
        Configuration config = new Configuration();
        config.set(RocksDBOptions.USE_MANAGED_MEMORY, false);
        config.set(RocksDBOptions.FIX_PER_SLOT_MEMORY_SIZE, MemorySize.ofMebiBytes(512));
        config.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        return new EmbeddedRocksDBStateBackend().configure(config, OperatorBench.class.getClassLoader());
    }

    private static List<JourneyRecord> records(List<String> documents) {
        List<JourneyRecord> records = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            records.add(new JourneyRecord("bench-" + i, JourneyStatus.active, 1, Map.of("1", documents.get(i)), 0L));
        }
        return records;
    }

    /** Returns the seconds taken to push {@code count} events and their watermarks through the operator. */
    private static double run(StateBackend backend, List<JourneyRecord> journeys, CustomerEvent[] events, int count)
            throws Exception {
        var operator = new JourneyOrchestratorOperator(new JourneyOrchestrator(journeys, "", null),
                JobConfig.defaults().customerCache(), JobConfig.defaults().customerCacheChanged());
        try (KeyedBroadcastOperatorTestHarness<String, CustomerEvent, JourneyRecord, ?> harness =
                new KeyedBroadcastOperatorTestHarness<>(operator, CustomerEvent::getCustomerId, Types.STRING,
                        256, 1, 0)) {
            harness.setStateBackend(backend);
            harness.setup();
            harness.open();
            harness.processBroadcastWatermark(Long.MAX_VALUE);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                CustomerEvent event = events[i];
                harness.processElement(event, event.getTs());
                if (i % WATERMARK_EVERY == WATERMARK_EVERY - 1) {
                    harness.processWatermark(event.getTs() - OUT_OF_ORDERNESS_MS);
                }
                if (i % DRAIN_EVERY == DRAIN_EVERY - 1) {
                    drain(harness.getOutput());
                    drain(harness.getSideOutput(StreamTypes.JOURNEY_EVENTS));
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void drain(Queue<?> queue) {
        if (queue != null) {
            queue.clear();
        }
    }
}
