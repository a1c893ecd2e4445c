package io.journeyflow.bench.compare;

import io.journeyflow.job.JobConfig;
import io.journeyflow.job.JobConfig.StateBackendKind;
import io.journeyflow.job.JobConfig.WatermarkMode;
import io.journeyflow.job.JobEnvironment;
import io.journeyflow.job.JourneyflowJob;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.WorkflowSinks;
import io.journeyflow.job.WorkflowSources;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DecodedEvent;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The three jobs of the comparison, over the same generated events, in the same environment (Journeyflow's own
 * {@link JobEnvironment#configure}: parallelism, max parallelism, state backend, checkpoints, no Kryo) and with the
 * same watermarks (bounded out-of-orderness, from the events alone).
 */
public final class ComparisonJobs {

    /** Which job. */
    public enum Kind {
        /** The real {@link JourneyflowJob#defineWorkflow} with the bench journey in its start-up folder. */
        JOURNEYFLOW,
        /** {@link HandwrittenCartFunction}. */
        HANDWRITTEN,
        /** {@link CepCartJob}. */
        CEP;

        public static Kind parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("job must be journeyflow, handwritten or cep, not '" + name + "'");
            }
        }
    }

    private ComparisonJobs() {
    }

    /** Journeyflow's settings for a run over a bounded input: watermarks from the events, no deadline limit. */
    public static JobConfig config(int parallelism, StateBackendKind backend, Path workDir) {
        return JobConfig.builder()
                .watermarkMode(WatermarkMode.DETERMINISTIC)
                .idleAdvance(null)
                .journeysDir(CartJourney.writeDefinition(workDir.resolve("journeys")))
                .parallelism(parallelism)
                .stateBackend(backend)
                // The default in-memory checkpoint storage caps state at a few megabytes.
                .checkpointDir(workDir.resolve("checkpoints").toUri().toString())
                .build();
    }

    /** Defines {@code kind} on {@code env}: {@code count} events from {@code events}, actions to {@code actions}. */
    public static void define(Kind kind, StreamExecutionEnvironment env, JobConfig config,
            GeneratorFunction<Long, CustomerEvent> events, long count, Sink<Action> actions) {
        if (kind == Kind.JOURNEYFLOW) {
            GeneratorFunction<Long, DecodedEvent> decoded = index -> new DecodedEvent(events.map(index), null);
            JourneyflowJob.defineWorkflow(env, config,
                    new WorkflowSources(new OneSplitSource<>(decoded, count, StreamTypes.DECODED_EVENT), null),
                    new WorkflowSinks(actions, new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(),
                            new DiscardingSink<>()));
            return;
        }
        JobEnvironment.configure(env, config);
        WatermarkStrategy<CustomerEvent> watermarks = WatermarkStrategy
                .<CustomerEvent>forBoundedOutOfOrderness(config.outOfOrderness())
                .withTimestampAssigner((event, recordTimestamp) -> event.getTs());
        KeyedStream<CustomerEvent, String> keyed = env
                .fromSource(new OneSplitSource<>(events, count, StreamTypes.CUSTOMER_EVENT), watermarks,
                        ComparisonOperatorIds.EVENTS_SOURCE.name())
                .uid(ComparisonOperatorIds.EVENTS_SOURCE.uid())
                .keyBy(CustomerEvent::getCustomerId, Types.STRING);
        DataStream<Action> decided = kind == Kind.CEP
                ? CepCartJob.actions(keyed)
                : keyed.process(new HandwrittenCartFunction(), StreamTypes.ACTION)
                        .uid(ComparisonOperatorIds.HANDWRITTEN_CART.uid())
                        .name(ComparisonOperatorIds.HANDWRITTEN_CART.name());
        decided.sinkTo(actions).uid(ComparisonOperatorIds.ACTIONS_SINK.uid())
                .name(ComparisonOperatorIds.ACTIONS_SINK.name());
    }
}
