package io.journeyflow.job;

import io.journeyflow.job.control.JourneyRegistry;
import io.journeyflow.job.control.PolicyFile;
import io.journeyflow.job.control.StartupJourneys;
import io.journeyflow.job.events.DeadLetterSplitter;
import io.journeyflow.job.orchestrator.JourneyOrchestrator;
import io.journeyflow.job.orchestrator.JourneyOrchestratorOperator;
import io.journeyflow.job.time.ControlWatermarks;
import io.journeyflow.job.time.EventTimeWatermarks;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DecodedEvent;
import io.journeyflow.schema.state.JourneyRecord;
import java.time.Clock;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The orchestrator job: customer events in, channel actions out, journeys deployed live through a control topic.
 * {@link #defineWorkflow} builds the topology for any sources and sinks; {@link #main} wires it to Kafka.
 */
public final class JourneyflowJob {

    private JourneyflowJob() {
    }

    public static void main(String[] args) throws Exception {
        JobConfig config = JobConfig.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        defineWorkflow(env, config, KafkaEnds.sources(config), KafkaEnds.sinks(config));
        env.execute("journeyflow-orchestrator");
    }

    /** Builds the whole topology on env; used by main, the simulation and the tests. */
    public static void defineWorkflow(StreamExecutionEnvironment env, JobConfig config, WorkflowSources sources,
                                      WorkflowSinks sinks) {
        JobEnvironment.configure(env, config);

        DataStreamSource<DecodedEvent> decoded = env
                .fromSource(sources.events(), eventWatermarks(config), OperatorIds.EVENTS_SOURCE.name(),
                        StreamTypes.DECODED_EVENT);
        decoded.uid(OperatorIds.EVENTS_SOURCE.uid());
        SingleOutputStreamOperator<CustomerEvent> events = decoded
                .process(new DeadLetterSplitter(), StreamTypes.CUSTOMER_EVENT)
                .uid(OperatorIds.DEAD_LETTER_SPLIT.uid()).name(OperatorIds.DEAD_LETTER_SPLIT.name());
        if (sources.eventsParallelism() > 0) {
            decoded.setParallelism(sources.eventsParallelism());
            events.setParallelism(sources.eventsParallelism()); // still chained to the source
        }

        StartupJourneys startup = StartupJourneys.load(config.journeysDir());
        // Versions are removed only when the orchestrator's answers come back to the registry.
        boolean census = sources.census() != null && sinks.census() != null;
        SingleOutputStreamOperator<JourneyRecord> deployed = controlRecords(env, sources, startup, census)
                .keyBy(JourneyRegistry::keyOf, Types.STRING)
                .process(new JourneyRegistry(census ? config.censusInterval() : null), StreamTypes.JOURNEY_RECORD)
                .uid(OperatorIds.JOURNEY_REGISTRY.uid()).name(OperatorIds.JOURNEY_REGISTRY.name());
        deployed.getSideOutput(StreamTypes.DEPLOYMENTS).sinkTo(sinks.deployments())
                .uid(OperatorIds.DEPLOYMENTS_SINK.uid()).name(OperatorIds.DEPLOYMENTS_SINK.name());

        // Connected to the catalog by hand, not through connect(BroadcastStream).process(..), which would build Flink's
        // operator: ours adds the customer cache's hooks. The graph, its partitioning and the state are the same.
        JourneyOrchestrator orchestrator =
                new JourneyOrchestrator(startup.catalog(), PolicyFile.read(config.policies()), config.until());
        SingleOutputStreamOperator<Action> actions = events
                .keyBy(CustomerEvent::getCustomerId, Types.STRING)
                .connect(deployed.broadcast())
                .transform(OperatorIds.ORCHESTRATOR.name(), StreamTypes.ACTION,
                        new JourneyOrchestratorOperator(orchestrator, config.customerCache(),
                                config.customerCacheChanged()))
                .uid(OperatorIds.ORCHESTRATOR.uid()).name(OperatorIds.ORCHESTRATOR.name());
        actions.sinkTo(sinks.actions())
                .uid(OperatorIds.ACTIONS_SINK.uid()).name(OperatorIds.ACTIONS_SINK.name());
        actions.getSideOutput(StreamTypes.JOURNEY_EVENTS).sinkTo(sinks.journeyEvents())
                .uid(OperatorIds.JOURNEY_EVENTS_SINK.uid()).name(OperatorIds.JOURNEY_EVENTS_SINK.name());
        actions.getSideOutput(StreamTypes.ERASURES).sinkTo(sinks.erasures())
                .uid(OperatorIds.ERASURES_SINK.uid()).name(OperatorIds.ERASURES_SINK.name());
        if (census) {
            actions.getSideOutput(StreamTypes.CENSUS).sinkTo(sinks.census())
                    .uid(OperatorIds.CENSUS_SINK.uid()).name(OperatorIds.CENSUS_SINK.name());
        }
        events.getSideOutput(StreamTypes.DEAD_LETTERS)
                .union(actions.getSideOutput(StreamTypes.DEAD_LETTERS))
                .sinkTo(sinks.deadLetters())
                .uid(OperatorIds.DEAD_LETTERS_SINK.uid()).name(OperatorIds.DEAD_LETTERS_SINK.name());
    }

    private static WatermarkStrategy<DecodedEvent> eventWatermarks(JobConfig config) {
        return EventTimeWatermarks.strategy(config.outOfOrderness(),
                config.watermarkMode() == JobConfig.WatermarkMode.LIVE ? config.idleAdvance() : null,
                Clock.systemUTC());
    }

    /**
     * The start-up folder's documents, the live control topic and the census answers, if any, as one stream;
     * timestamped after the union so that all of them get the same event-time treatment.
     */
    private static DataStream<ControlRecord> controlRecords(StreamExecutionEnvironment env, WorkflowSources sources,
                                                            StartupJourneys startup, boolean census) {
        if (startup.records().isEmpty() && sources.journeyControl() == null) {
            throw new IllegalArgumentException(
                    "no journeys: give a journeys folder, a journey control source, or both");
        }
        DataStream<ControlRecord> records = null;
        // A collection source of zero elements fails at run time, so an empty folder contributes no source at all.
        if (!startup.records().isEmpty()) {
            records = env.fromData(startup.records(), StreamTypes.CONTROL_RECORD)
                    .uid(OperatorIds.STARTUP_JOURNEYS.uid()).name(OperatorIds.STARTUP_JOURNEYS.name());
        }
        if (sources.journeyControl() != null) {
            DataStream<ControlRecord> live = env
                    .fromSource(sources.journeyControl(), WatermarkStrategy.noWatermarks(),
                            OperatorIds.CONTROL_SOURCE.name(), StreamTypes.CONTROL_RECORD)
                    .uid(OperatorIds.CONTROL_SOURCE.uid());
            records = records == null ? live : records.union(live);
        }
        if (census) {
            records = records.union(env
                    .fromSource(sources.census(), WatermarkStrategy.noWatermarks(), OperatorIds.CENSUS_SOURCE.name(),
                            StreamTypes.CONTROL_RECORD)
                    .uid(OperatorIds.CENSUS_SOURCE.uid()));
        }
        return records.assignTimestampsAndWatermarks(ControlWatermarks.strategy())
                .uid(OperatorIds.CONTROL_TIME.uid()).name(OperatorIds.CONTROL_TIME.name());
    }
}
