package io.journeyflow.bench.job;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.KafkaEnds;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.DecodedEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The yardstick of the whole-job benchmark: the job's own events source (Kafka, Avro decode) and actions sink (Avro
 * encode, Kafka, the same delivery guarantee and checkpoint interval), with a stateless map between them. Every
 * input event becomes one record on {@code <action-topic-prefix>email}.
 */
public final class PassThroughJob {

    private PassThroughJob() {
    }

    /**
     * @param keyed whether events cross a keyBy by customer id first, as every keyed job's do: the network shuffle
     *     (Avro on both sides of it) is then part of the yardstick
     */
    public static void define(StreamExecutionEnvironment env, JobConfig config, boolean keyed) {
        env.setParallelism(config.parallelism());
        env.setMaxParallelism(config.maxParallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        DataStream<DecodedEvent> events = env.fromSource(KafkaEnds.boundedEvents(config),
                WatermarkStrategy.noWatermarks(), "events", StreamTypes.DECODED_EVENT).uid("pass-through-events");
        if (keyed) {
            events = events.keyBy(PassThroughJob::customerId, Types.STRING);
        }
        events.flatMap(new EventEcho(), StreamTypes.ACTION).name("echo")
                .sinkTo(KafkaEnds.sinks(config).actions()).uid("pass-through-actions").name("actions");
    }

    private static String customerId(DecodedEvent decoded) {
        return decoded.getEvent() == null ? "" : decoded.getEvent().getCustomerId();
    }
}
