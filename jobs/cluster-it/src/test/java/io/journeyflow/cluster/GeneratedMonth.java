package io.journeyflow.cluster;

import io.journeyflow.local.generate.EventGenerator;
import io.journeyflow.local.generate.KafkaEventProducer;
import io.journeyflow.local.json.EventJson;
import io.journeyflow.schema.CustomerEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * The cluster tests' input: a month of seeded, generated customer history, cut in two at {@link #SPLIT} (the round
 * trip sends the first half before the savepoint, the second after the restore; the fault test sends both, paced),
 * each half closed by one clock event per partition of the events topic.
 *
 * <p>The job runs with watermarks from the events alone, so event time only moves where events are: a clock event
 * at the end of each half brings every partition's watermark there, which makes what the job must have decided by
 * then exact. The clock events enter no journey; the final ones lie after {@link #UNTIL}, where the job ignores
 * events but still lets them move time, so every deadline up to {@code UNTIL} fires.
 */
final class GeneratedMonth {

    static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant SPLIT = UNTIL.minus(Duration.ofDays(15));
    static final int PARTITIONS = 2;

    private static final long SEED = 2026;

    private final List<CustomerEvent> firstHalf = new ArrayList<>();
    private final List<CustomerEvent> secondHalf = new ArrayList<>();

    /** @param customers how many customers; the same number always gives the same events */
    GeneratedMonth(int customers) {
        EventGenerator generator = new EventGenerator(
                EventGenerator.Settings.of(customers, SEED, UNTIL, Duration.ofDays(30)));
        for (CustomerEvent event : generator.events()) {
            (event.getTs() < SPLIT.toEpochMilli() ? firstHalf : secondHalf).add(event);
        }
        firstHalf.addAll(clockEvents(SPLIT));
        secondHalf.addAll(clockEvents(UNTIL.plus(Duration.ofDays(1))));
    }

    List<CustomerEvent> firstHalf() {
        return firstHalf;
    }

    List<CustomerEvent> secondHalf() {
        return secondHalf;
    }

    /** Both halves, in order. */
    List<CustomerEvent> all() {
        List<CustomerEvent> all = new ArrayList<>(firstHalf);
        all.addAll(secondHalf);
        return all;
    }

    /** Both halves in order, as one JSON-lines file: the input of the uninterrupted run. */
    Path writeJsonLines(Path file) throws IOException {
        return Files.write(file, all().stream().map(EventJson::format).toList(), StandardCharsets.UTF_8);
    }

    /** Sends events as the production feed does: Avro, keyed by customer, in order per partition. */
    static void produce(String bootstrapServers, String topic, List<CustomerEvent> events) {
        try (KafkaEventProducer producer = new KafkaEventProducer(bootstrapServers, topic)) {
            events.forEach(producer::send);
            producer.flush();
        }
    }

    private static List<CustomerEvent> clockEvents(Instant at) {
        List<CustomerEvent> clocks = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            clocks.add(new CustomerEvent("clock-" + partition + "-" + at.toEpochMilli(), keyOfPartition(partition),
                    "clock_tick", at.toEpochMilli(), null, Map.of()));
        }
        return clocks;
    }

    /** A customer id that Kafka's default partitioner puts in {@code partition} (murmur2 of the key). */
    private static String keyOfPartition(int partition) {
        for (int n = 0; ; n++) {
            String key = "clock-" + n;
            if (Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS == partition) {
                return key;
            }
        }
    }
}
