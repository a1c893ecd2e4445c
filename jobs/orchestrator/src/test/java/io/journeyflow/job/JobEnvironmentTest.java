package io.journeyflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {

    @Test
    void aCheckpointTimesOutBeforeTheBrokerAbortsItsTransactions() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, JobConfig.builder().transactionTimeout(Duration.ofMinutes(1)).build());
        assertThat(env.getCheckpointConfig().getCheckpointTimeout()).isEqualTo(30_000);

        StreamExecutionEnvironment shorter = StreamExecutionEnvironment.getExecutionEnvironment();
        shorter.getCheckpointConfig().setCheckpointTimeout(10_000);
        JobEnvironment.configure(shorter, JobConfig.defaults());
        assertThat(shorter.getCheckpointConfig().getCheckpointTimeout()).as("a shorter timeout is kept")
                .isEqualTo(10_000);

        StreamExecutionEnvironment atLeastOnce = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(atLeastOnce, JobConfig.builder().transactionTimeout(Duration.ofMinutes(1))
                .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build());
        assertThat(atLeastOnce.getCheckpointConfig().getCheckpointTimeout()).as("Flink's default")
                .isEqualTo(600_000);
    }
}
