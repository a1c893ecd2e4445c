package io.journeyflow.job.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.Action;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class AvroKafkaSerializerTest {

    private static final long LAST_QUARTER = 1_740_825_000_000L;

    @Test
    void writesAvroToTheChosenTopicAndKeyWithTheTimeOfWritingNotTheEventTime() throws Exception {
        Action action = new Action("a-1", "c-1", "cart", 1, "i-1", "reminder", "email", "t", "promotional", Map.of(),
                LAST_QUARTER, null, "because");
        AvroKafkaSerializer<Action> serializer = new AvroKafkaSerializer<>(Action.class,
                a -> "actions." + a.getChannel(), a -> AvroKafkaSerializer.utf8(a.getCustomerId()));

        ProducerRecord<byte[], byte[]> record = serializer.serialize(action, null, LAST_QUARTER);

        assertThat(record.topic()).isEqualTo("actions.email");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("c-1");
        assertThat(AvroCodec.of(Action.class).decode(record.value())).isEqualTo(action);
        assertThat(record.timestamp()).as("left to the producer: retention must not see last quarter's time").isNull();
    }
}
