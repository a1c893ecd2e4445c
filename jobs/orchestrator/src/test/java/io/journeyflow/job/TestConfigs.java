package io.journeyflow.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Job configurations for test runs against an in-process broker. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * Settings every test run shares: checkpoints (so exactly-once output) every 500 ms, transactions that a broker's
     * default maximum accepts, parallelism 2.
     */
    public static JobConfigBuilder forTests(String bootstrapServers) {
        return JobConfig.builder()
                .bootstrapServers(bootstrapServers)
                // Longer than the consumer needs to start fetching: a split that has not delivered its backlog yet
                // must not be mistaken for an idle one (its deadlines would then fire before its own events).
                .idleAdvance(Duration.ofSeconds(5))
                .transactionTimeout(Duration.ofMinutes(1))
                .parallelism(2)
                .checkpointInterval(Duration.ofMillis(500));
    }

    /** {@link #forTests} with every topic, the consumer group and the transactional ids prefixed by {@code ns}. */
    public static JobConfigBuilder namespaced(String bootstrapServers, String ns) {
        return forTests(bootstrapServers)
                .eventsTopic(ns + ".customer-events")
                .journeysTopic(ns + ".journey-definitions")
                .actionTopicPrefix(ns + ".actions.")
                .journeyEventsTopic(ns + ".journey-events")
                .deadLettersTopic(ns + ".dead-letters")
                .deploymentsTopic(ns + ".journey-deployments")
                .erasuresTopic(ns + ".erasures")
                .censusTopic(ns + ".journey-census")
                .consumerGroup(ns)
                .transactionalIdPrefix(ns);
    }

    /** Writes journey documents into a start-up folder (created if need be), one file each. */
    public static Path writeJourneys(Path folder, String... documents) {
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < documents.length; i++) {
                Files.writeString(folder.resolve("journey-" + i + ".yaml"), documents[i]);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
