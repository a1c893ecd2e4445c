package io.journeyflow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class JobConfigTest {

    @Test
    void defaultsMatchTheEmbeddedDemo() {
        JobConfig config = JobConfig.defaults();

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.eventsTopic()).isEqualTo("customer-events");
        assertThat(config.journeysTopic()).isEqualTo("journey-definitions");
        assertThat(config.actionTopics()).containsExactly("actions.email", "actions.sms", "actions.push",
                "actions.in_app", "actions.ads", "actions.call_center", "actions.webhook");
        assertThat(config.outOfOrderness()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.idleAdvance()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(config.transactionTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.plainTopics()).doesNotContain(config.journeysTopic()).contains("dead-letters");
    }

    @Test
    void argsOverrideTheDefaults() {
        JobConfig config = JobConfig.fromArgs(new String[] {
            "--bootstrap-servers", "broker:29092", "--idle-advance", "none", "--out-of-orderness", "500ms",
            "--watermark-mode", "deterministic", "--delivery-guarantee", "at-least-once", "--until",
            "2026-03-02T00:00:00Z", "--journeys-dir", "/tmp/journeys", "--state-backend", "rocksdb",
            "--parallelism", "4", "--checkpoint-interval", "PT1M", "--customer-cache-changed", "1250"});

        assertThat(config.bootstrapServers()).isEqualTo("broker:29092");
        assertThat(config.idleAdvance()).isNull();
        assertThat(config.outOfOrderness()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.watermarkMode()).isEqualTo(JobConfig.WatermarkMode.DETERMINISTIC);
        assertThat(config.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(config.until()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(config.journeysDir()).isEqualTo(Path.of("/tmp/journeys"));
        assertThat(config.stateBackend()).isEqualTo(JobConfig.StateBackendKind.ROCKSDB);
        assertThat(JobConfig.defaults().stateBackend()).as("the cluster decides unless told")
                .isEqualTo(JobConfig.StateBackendKind.CLUSTER);
        assertThat(JobConfig.StateBackendKind.CLUSTER.flinkName()).isNull();
        assertThat(config.parallelism()).isEqualTo(4);
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.eventsTopic()).isEqualTo("customer-events");
        assertThat(config.customerCacheChanged()).isEqualTo(1250);
        assertThat(JobConfig.defaults().customerCacheChanged()).as("no bound unless told").isZero();
    }

    @Test
    void refusesUnknownKeysBadValuesAndImpossibleSettings() {
        assertThatThrownBy(() -> JobConfig.fromArgs(new String[] {"--events", "x"}))
                .hasMessageContaining("unknown option '--events'").hasMessageContaining("--events-topic");
        assertThatThrownBy(() -> JobConfig.fromArgs(new String[] {"--parallelism"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> JobConfig.fromArgs(new String[] {"--out-of-orderness", "soon"}))
                .hasMessageContaining("bad value 'soon'");
        assertThatThrownBy(() -> JobConfig.builder().transactionTimeout(Duration.ofMinutes(16)).build())
                .hasMessageContaining("15 minutes");
        assertThatThrownBy(() -> JobConfig.builder().parallelism(300).build())
                .hasMessageContaining("maxParallelism");
        assertThatThrownBy(() -> JobConfig.builder().deliveryGuarantee(DeliveryGuarantee.NONE).build())
                .hasMessageContaining("EXACTLY_ONCE or AT_LEAST_ONCE");
        assertThatThrownBy(() -> JobConfig.fromArgs(new String[] {"--customer-cache", "-1"}))
                .hasMessageContaining("customerCache must not be negative");
        assertThatThrownBy(() -> JobConfig.fromArgs(new String[] {"--customer-cache-changed", "-1"}))
                .hasMessageContaining("customerCacheChanged must not be negative");
        assertThatThrownBy(() -> JobConfig.builder().checkpointInterval(Duration.ofMinutes(5)).build())
                .hasMessageContaining("below half the transactionTimeout PT10M");
        assertThat(JobConfig.builder().checkpointInterval(Duration.ofMinutes(5))
                .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build().checkpointInterval())
                .as("no transactions, no limit").isEqualTo(Duration.ofMinutes(5));
    }
}
