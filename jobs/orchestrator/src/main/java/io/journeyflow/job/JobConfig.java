package io.journeyflow.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Everything the orchestrator job can be told, typed and checked once. {@link #defaults()} matches the embedded demo;
 * {@link #fromArgs} reads {@code --key value} pairs (keys are the component names in kebab case, see
 * {@link JobConfigArgs}).
 *
 * @param idleAdvance when a source split has had no record for this long, its watermark follows the wall clock minus
 *     {@code outOfOrderness}, so deadlines still fire when input goes quiet; {@code null} disables it. Keep it well
 *     above the longest fetch stall of the source (start-up included): a split still holding unread events that is
 *     taken for idle lets deadlines fire before those events
 * @param maxFutureSkew an event from Kafka whose event time is further than this ahead of the wall clock is a dead
 *     letter: one far-future timestamp would move the watermark and fire every pending deadline; {@code null}: no
 *     check
 * @param transactionTimeout Kafka transaction timeout of the exactly-once sinks; must stay within the broker's
 *     {@code transaction.max.timeout.ms} (15 minutes by default) or the producers cannot start
 * @param journeysDir journeys loaded at start-up, or {@code null}
 * @param policies the contact policy file (caps, quiet hours, suppressions, ...), or {@code null} for the default
 *     policy (consent only); read when the job is built, so the cluster needs no copy
 * @param until timers after it never fire and events after it are ignored (counted); {@code null}: no limit
 * @param censusTopic internal: the orchestrator's answers to census requests, read back by the registry to remove
 *     journey versions nobody is on any more
 * @param censusInterval how often the registry asks again while closed versions still have customers; answers
 *     normally come as customers leave, so this only bounds the delay after a restore
 * @param maxParallelism the number of key groups; it can never change once state exists
 * @param checkpointDir where checkpoints go (a URI or path), or {@code null} for the cluster's default
 * @param customerCache customers each orchestrator subtask keeps decoded between events when its state backend
 *     serializes state (RocksDB), written back before every checkpoint; 0 turns it off. Heap state needs none
 * @param customerCacheChanged how many of those may hold changes not yet written back; past it the customer changed
 *     longest ago is written at once. The write-back before a checkpoint holds the task thread, so this bounds that
 *     pause, at the price of more writes (throughput). 0: no bound. Worth it with Flink's state changelog, which
 *     takes RocksDB's own pause out of the checkpoint (flink-conf/)
 */
public record JobConfig(
        String bootstrapServers,
        String eventsTopic,
        String journeysTopic,
        String actionTopicPrefix,
        String journeyEventsTopic,
        String deadLettersTopic,
        String deploymentsTopic,
        String erasuresTopic,
        String censusTopic,
        String consumerGroup,
        String transactionalIdPrefix,
        Duration outOfOrderness,
        Duration idleAdvance,
        Duration maxFutureSkew,
        WatermarkMode watermarkMode,
        DeliveryGuarantee deliveryGuarantee,
        Duration transactionTimeout,
        Path journeysDir,
        Path policies,
        Instant until,
        int parallelism,
        int maxParallelism,
        Duration checkpointInterval,
        Duration censusInterval,
        StateBackendKind stateBackend,
        String checkpointDir,
        int customerCache,
        int customerCacheChanged) {

    /** The fixed channel set; each has its topic {@code <actionTopicPrefix><channel>}. */
    public static final List<String> CHANNELS =
            List.of("email", "sms", "push", "in_app", "ads", "call_center", "webhook");

    private static final Duration BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    /** How event time advances. */
    public enum WatermarkMode {
        /** Bounded out-of-orderness, plus the wall clock when a split idles for {@code idleAdvance}. */
        LIVE,
        /** From the events alone, never the wall clock: the same file gives the same output on every run. */
        DETERMINISTIC
    }

    public enum StateBackendKind {
        /** Whatever the cluster's configuration says (flink-conf/ sets RocksDB); a MiniCluster's default is heap. */
        CLUSTER, HASHMAP, ROCKSDB;

        /** The value of Flink's {@code state.backend.type}; {@code null} for {@link #CLUSTER}. */
        public String flinkName() {
            return this == CLUSTER ? null : name().toLowerCase(Locale.ROOT);
        }
    }

    public JobConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(eventsTopic, "eventsTopic");
        Objects.requireNonNull(journeysTopic, "journeysTopic");
        Objects.requireNonNull(actionTopicPrefix, "actionTopicPrefix");
        Objects.requireNonNull(journeyEventsTopic, "journeyEventsTopic");
        Objects.requireNonNull(deadLettersTopic, "deadLettersTopic");
        Objects.requireNonNull(deploymentsTopic, "deploymentsTopic");
        Objects.requireNonNull(erasuresTopic, "erasuresTopic");
        Objects.requireNonNull(censusTopic, "censusTopic");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
        Objects.requireNonNull(watermarkMode, "watermarkMode");
        Objects.requireNonNull(deliveryGuarantee, "deliveryGuarantee");
        Objects.requireNonNull(stateBackend, "stateBackend");
        requirePositive(outOfOrderness, "outOfOrderness", true);
        requirePositive(checkpointInterval, "checkpointInterval", false);
        requirePositive(transactionTimeout, "transactionTimeout", false);
        requirePositive(censusInterval, "censusInterval", false);
        if (idleAdvance != null) {
            requirePositive(idleAdvance, "idleAdvance", false);
        }
        if (maxFutureSkew != null) {
            requirePositive(maxFutureSkew, "maxFutureSkew", true);
        }
        if (transactionTimeout.compareTo(BROKER_MAX_TRANSACTION_TIMEOUT) > 0) {
            throw new IllegalArgumentException("transactionTimeout " + transactionTimeout
                    + " exceeds the broker's maximum of 15 minutes: the exactly-once producers could not start");
        }
        if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE
                && checkpointInterval.multipliedBy(2).compareTo(transactionTimeout) >= 0) {
            throw new IllegalArgumentException("checkpointInterval " + checkpointInterval + " must be below half the "
                    + "transactionTimeout " + transactionTimeout + ": a transaction stays open for an interval and a "
                    + "checkpoint, and one the broker aborts first loses its actions");
        }
        if (deliveryGuarantee == DeliveryGuarantee.NONE) {
            throw new IllegalArgumentException("deliveryGuarantee must be EXACTLY_ONCE or AT_LEAST_ONCE");
        }
        if (customerCache < 0) {
            throw new IllegalArgumentException("customerCache must not be negative: " + customerCache);
        }
        if (customerCacheChanged < 0) {
            throw new IllegalArgumentException("customerCacheChanged must not be negative: " + customerCacheChanged);
        }
        if (parallelism < 1 || maxParallelism < parallelism) {
            throw new IllegalArgumentException("need 1 <= parallelism (" + parallelism + ") <= maxParallelism ("
                    + maxParallelism + ")");
        }
    }

    private static void requirePositive(Duration duration, String name, boolean zeroAllowed) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    /** The configuration of the embedded demo: a broker on this machine, Journeyflow's default topic names. */
    public static JobConfig defaults() {
        return new JobConfig("127.0.0.1:9092", "customer-events", "journey-definitions", "actions.", "journey-events",
                "dead-letters", "journey-deployments", "erasures", "journey-census", "journeyflow", "journeyflow",
                Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofDays(1), WatermarkMode.LIVE, DeliveryGuarantee.EXACTLY_ONCE,
                Duration.ofMinutes(10), null, null, null, 2, 256, Duration.ofSeconds(10), Duration.ofMinutes(15),
                StateBackendKind.CLUSTER, null, 10_000, 0);
    }

    /** {@link #defaults()} overridden by {@code --key value} pairs; unknown keys and bad values are refused. */
    public static JobConfig fromArgs(String[] args) {
        return JobConfigArgs.apply(defaults(), args);
    }

    /** The topic of one channel's actions. */
    public String actionTopic(String channel) {
        return actionTopicPrefix + channel;
    }

    /** Every action topic, in {@link #CHANNELS} order. */
    public List<String> actionTopics() {
        return CHANNELS.stream().map(this::actionTopic).toList();
    }

    /** Every topic the job reads or writes except the control topic (which must be compacted). */
    public List<String> plainTopics() {
        List<String> topics = new ArrayList<>(List.of(eventsTopic, journeyEventsTopic, deadLettersTopic,
                deploymentsTopic, erasuresTopic, censusTopic));
        topics.addAll(actionTopics());
        return List.copyOf(topics);
    }

    public JobConfigBuilder toBuilder() {
        return new JobConfigBuilder(this);
    }

    /** A builder starting from {@link #defaults()}. */
    public static JobConfigBuilder builder() {
        return new JobConfigBuilder(defaults());
    }
}
