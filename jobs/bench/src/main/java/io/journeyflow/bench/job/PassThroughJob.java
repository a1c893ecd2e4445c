package io.journeyflow.bench.job;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaEnds;
import io.journeyflow.job.StreamTypes;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The yardstick of the whole-job benchmark: the job's own events source (Kafka, Avro decode) and actions sink (Avro
 * encode, Kafka, the same delivery guarantee and checkpoint interval), with a stateless map between them. Every
 * input event becomes one record on {@code <action-topic-prefix>email}.
 */
public final class PassThroughJob {

    private PassThroughJob() {
    }

    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        env.setParallelism(config.parallelism());
        env.setMaxParallelism(config.maxParallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.fromSource(KafkaEnds.boundedEvents(config), WatermarkStrategy.noWatermarks(), "events",
                        StreamTypes.DECODED_EVENT)
                .uid("pass-through-events")
                .flatMap(new EventEcho(), StreamTypes.ACTION).name("echo")
                .sinkTo(KafkaEnds.sinks(config).actions()).uid("pass-through-actions").name("actions");
    }
}
