package io.journeyflow.bench.scale;

import io.journeyflow.bench.BenchWorkload;
import io.journeyflow.job.JobConfig;
import io.journeyflow.job.JobConfig.StateBackendKind;
import io.journeyflow.job.JobConfig.WatermarkMode;
import io.journeyflow.job.JourneyflowJob;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.WorkflowSinks;
import io.journeyflow.job.WorkflowSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * The real orchestrator workflow ({@link JourneyflowJob#defineWorkflow}) as the scale benchmark runs it: events from
 * {@link ScaleFeed} behind {@link EventGate#SHARED} instead of Kafka, outputs discarded, RocksDB with incremental
 * checkpoints, and checkpoints only when the benchmark asks for them.
 */
public final class ScaleJob {

    /** Every customer enters it on the load event and then waits for 30 days: an idle customer with a deadline. */
    static final String LONG_WAIT = """
            id: scale-wait-30d
            version: 1
            entry: {event: %s}
            steps:
              - {id: wait-30d, wait: 30d}
              - {id: welcome, action: {channel: email, template: scale-welcome}}
            """.formatted(ScaleFeed.LOAD_EVENT);

    private ScaleJob() {
    }

    /**
     * @param journeys the long wait plus {@code journeys - 1} of {@code BenchWorkload}'s journeys
     * @param work where the journeys and the checkpoints go
     */
    public static StreamGraph graph(long customers, int journeys, int parallelism, Path work) throws IOException {
        Path journeysDir = Files.createDirectories(work.resolve("journeys"));
        Files.writeString(journeysDir.resolve("scale-wait-30d.yaml"), LONG_WAIT);
        List<String> others = BenchWorkload.journeys(journeys - 1);
        for (int i = 0; i < others.size(); i++) {
            Files.writeString(journeysDir.resolve("bench-%03d.yaml".formatted(i)), others.get(i));
        }
        JobConfig config = JobConfig.builder()
                .watermarkMode(WatermarkMode.DETERMINISTIC)
                .idleAdvance(null)
                .journeysDir(journeysDir)
                .parallelism(parallelism)
                .stateBackend(StateBackendKind.ROCKSDB)
                .checkpointDir(work.resolve("checkpoints").toUri().toString())
                .checkpointInterval(Duration.ofDays(365))
                // Its sinks discard: no Kafka transactions, which an interval this long would outlive.
                .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        var events = new DataGeneratorSource<>(new ScaleFeed(customers), Long.MAX_VALUE, EventGate.sharedStrategy(),
                StreamTypes.DECODED_EVENT);
        JourneyflowJob.defineWorkflow(env, config, new WorkflowSources(events, null), new WorkflowSinks(
                new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(),
                new DiscardingSink<>()));
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName("journeyflow scale benchmark");
        return graph;
    }
}
