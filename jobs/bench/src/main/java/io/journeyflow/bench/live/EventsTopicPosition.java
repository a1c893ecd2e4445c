package io.journeyflow.bench.live;

import io.journeyflow.job.JobConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the job stands in its events topic, as Kafka sees it.
 *
 * @param produced events written so far: the sum of the partitions' end offsets
 * @param committed events the job has taken in as of its latest completed checkpoint: its Kafka source commits the
 *     consumer group's offsets when a checkpoint completes, so the difference is the lag Kafka's own tools show
 */
record EventsTopicPosition(long produced, long committed) {

    static EventsTopicPosition of(String bootstrapServers, JobConfig config) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // Committed first: what the job has not taken in by then is behind, whatever arrives meanwhile.
            long committed = 0;
            for (var entry : admin.listConsumerGroupOffsets(config.consumerGroup()).partitionsToOffsetAndMetadata()
                    .get().entrySet()) {
                if (entry.getKey().topic().equals(config.eventsTopic()) && entry.getValue() != null) {
                    committed += entry.getValue().offset();
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < config.parallelism(); partition++) {
                latest.put(new TopicPartition(config.eventsTopic(), partition), OffsetSpec.latest());
            }
            long produced = 0;
            for (var offset : admin.listOffsets(latest).all().get().values()) {
                produced += offset.offset();
            }
            return new EventsTopicPosition(produced, committed);
        }
    }
}
