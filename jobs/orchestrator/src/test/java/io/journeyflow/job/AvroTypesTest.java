package io.journeyflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.serde.CustomerEventSerializer;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.junit.jupiter.api.Test;

/** Kryo state cannot evolve; every stream and state of the job must be Avro. */
class AvroTypesTest {

    @Test
    void everyDeclaredTypeSerializesWithAvroButTheEventsCrossingTheKeyBy() throws Exception {
        List<TypeInformation<?>> types = new ArrayList<>();
        for (var field : StreamTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof TypeInformation<?> type) {
                types.add(type);
            }
        }
        assertThat(types).hasSize(12);
        assertThat(StreamTypes.CUSTOMER_EVENT.createSerializer(new SerializerConfigImpl()))
                .isSameAs(CustomerEventSerializer.INSTANCE);
        types.remove(StreamTypes.CUSTOMER_EVENT);
        for (TypeInformation<?> type : types) {
            assertThat(type).isInstanceOf(AvroTypeInfo.class);
            assertThat(type.createSerializer(new SerializerConfigImpl())).isInstanceOf(AvroSerializer.class);
        }
    }

    @Test
    void everyStateDescriptorUsesAvroValues() {
        ExecutionConfig config = new ExecutionConfig();
        ValueStateDescriptor<?> customer = StateDescriptors.customerState();
        ValueStateDescriptor<?> journey = StateDescriptors.journeyRecord();
        ValueStateDescriptor<?> tally = StateDescriptors.censusTally();
        MapStateDescriptor<String, ?> catalog = StateDescriptors.journeyCatalog();
        for (StateDescriptor<?, ?> descriptor : List.of(customer, journey, tally, catalog)) {
            descriptor.initializeSerializerUnlessSet(config);
        }

        assertThat(customer.getSerializer()).isInstanceOf(AvroSerializer.class);
        assertThat(journey.getSerializer()).isInstanceOf(AvroSerializer.class);
        assertThat(tally.getSerializer()).isInstanceOf(AvroSerializer.class);
        assertThat(catalog.getValueSerializer()).isInstanceOf(AvroSerializer.class);
    }

    @Test
    void noEdgeOfTheJobGraphFallsBackToKryo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JourneyflowJob.defineWorkflow(env, JobConfig.defaults(),
                new WorkflowSources(emptySource(StreamTypes.DECODED_EVENT), emptySource(StreamTypes.CONTROL_RECORD),
                        emptySource(StreamTypes.CONTROL_RECORD)),
                new WorkflowSinks(new DiscardingSink<Action>(), new DiscardingSink<JourneyEvent>(),
                        new DiscardingSink<DeadLetter>(), new DiscardingSink<JourneyDeployment>(),
                        new DiscardingSink<Erasure>(), new DiscardingSink<CensusReport>()));
        StreamGraph graph = env.getStreamGraph();

        assertThat(graph.getStreamNodes()).extracting(StreamNode::getOperatorName)
                .contains("Source: " + OperatorIds.CENSUS_SOURCE.name(), OperatorIds.CENSUS_SINK.name() + ": Writer");
        for (StreamNode node : graph.getStreamNodes()) {
            List<TypeSerializer<?>> serializers = new ArrayList<>(List.of(node.getTypeSerializersIn()));
            if (node.getTypeSerializerOut() != null) {
                serializers.add(node.getTypeSerializerOut());
            }
            if (node.getStateKeySerializer() != null) {
                serializers.add(node.getStateKeySerializer());
            }
            assertThat(serializers).as(node.getOperatorName())
                    .noneMatch(serializer -> serializer instanceof KryoSerializer);
        }
    }

    private static <T> Source<T, ?, ?> emptySource(TypeInformation<T> type) {
        return new DataGeneratorSource<>(index -> {
            throw new IllegalStateException("never called");
        }, 0, type);
    }
}
