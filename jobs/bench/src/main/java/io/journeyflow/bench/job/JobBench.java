package io.journeyflow.bench.job;

import io.journeyflow.job.JobConfig;
import io.journeyflow.kafka.EmbeddedKafka;
import io.journeyflow.kafka.KafkaTopics.TopicSpec;
import io.journeyflow.local.generate.EventGenerator;
import io.journeyflow.local.generate.KafkaEventProducer;
import io.journeyflow.schema.CustomerEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * The whole job against the limit: one in-process Kafka broker, one input topic filled once by the generator, then
 * the pass-through job and the full job (heap and RocksDB state) each read all of it on a MiniCluster, one after the
 * other in this JVM, and the table compares their rates.
 *
 * <p>Arguments: customers, days of history, parallelism (= partitions of the input), the jobs to run in order
 * (comma-separated: pass-through, pass-through-keyed, full-hashmap, full-rocksdb; default: all of them, twice),
 * delivery guarantee (exactly_once, at_least_once).
 * The sample journeys and policy are read from {@code jobs/local/src/main/resources} (run from the repository root).
 */
public final class JobBench {

    private static final Path SAMPLES = Path.of("jobs/local/src/main/resources");
    /** Every job once; the default runs two rounds, so that each job has a run after its JIT warm-up. */
    private static final String ROUND = "pass-through,pass-through-keyed,full-hashmap,full-rocksdb";

    private JobBench() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String order = args.length > 3 ? args[3] : String.join(",", ROUND, ROUND);
        DeliveryGuarantee guarantee = DeliveryGuarantee.valueOf((args.length > 4 ? args[4] : "exactly_once")
                .toUpperCase(Locale.ROOT));
        System.out.printf("# %s, %d cores, load average %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            JobConfig base = JobConfig.builder().bootstrapServers(kafka.bootstrapServers())
                    .journeysDir(SAMPLES.resolve("journeys"))
                    .policies(SAMPLES.resolve("policies/contact-policy.yaml"))
                    .until(end).parallelism(parallelism).deliveryGuarantee(guarantee).build();
            kafka.createTopics(TopicSpec.of(base.eventsTopic(), parallelism));
            long started = System.nanoTime();
            long events = preload(kafka.bootstrapServers(), base.eventsTopic(),
                    new EventGenerator(EventGenerator.Settings.of(customers, 42, end, Duration.ofDays(days))));
            System.out.printf("# %,d events of %,d customers over %d days preloaded in %.1f s; parallelism %d, %s%n",
                    events, customers, days, (System.nanoTime() - started) / 1e9, parallelism, guarantee);
            List<JobRun> runs = new ArrayList<>();
            String[] labels = order.split(",");
            for (int i = 0; i < labels.length; i++) {
                BenchedJob job = BenchedJob.of(labels[i].strip());
                String name = "run" + (i + 1) + "-" + job.label();
                JobRun run = Profiling.around(job.label(), () -> JobRun.execute(job, name, base, kafka, events));
                System.out.printf("# %s: %.1f s, %,.0f events/s%n", job.label(), run.seconds(), run.eventsPerSecond());
                runs.add(run);
            }
            System.out.print(RunTable.markdown(runs));
        }
        // A job with the state changelog leaves a non-daemon Flink thread behind on the MiniCluster, one per run: it
        // must not keep the benchmark alive.
        System.exit(0);
    }

    /** Produces the generator's whole period, in order, as fast as the broker takes it; returns the count. */
    static long preload(String bootstrapServers, String topic, EventGenerator generator) {
        long count = 0;
        try (KafkaEventProducer producer = new KafkaEventProducer(bootstrapServers, topic)) {
            for (Iterator<CustomerEvent> events = generator.stream(); events.hasNext(); count++) {
                producer.send(events.next());
            }
            producer.flush();
        }
        return count;
    }
}
