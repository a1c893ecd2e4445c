package io.journeyflow.job;

import io.journeyflow.job.serde.CompiledAvroTypeInfo;
import io.journeyflow.job.serde.CustomerEventTypeInfo;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.DecodedEvent;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.state.CensusTally;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

/**
 * The type of every stream and state: all Avro but the customer events crossing the keyBy, declared once, so that
 * nothing falls back to Kryo (whose state cannot evolve) and the job, the tests and the state tools agree.
 */
public final class StreamTypes {

    public static final TypeInformation<DecodedEvent> DECODED_EVENT = new AvroTypeInfo<>(DecodedEvent.class);
    /** Only a stream (the keyBy to the orchestrator), never state: fields written directly, see the serializer. */
    public static final TypeInformation<CustomerEvent> CUSTOMER_EVENT = new CustomerEventTypeInfo();
    public static final TypeInformation<DeadLetter> DEAD_LETTER = new AvroTypeInfo<>(DeadLetter.class);
    public static final TypeInformation<ControlRecord> CONTROL_RECORD = new AvroTypeInfo<>(ControlRecord.class);
    public static final TypeInformation<JourneyRecord> JOURNEY_RECORD = new AvroTypeInfo<>(JourneyRecord.class);
    public static final TypeInformation<JourneyDeployment> JOURNEY_DEPLOYMENT =
            new AvroTypeInfo<>(JourneyDeployment.class);
    public static final TypeInformation<Action> ACTION = new AvroTypeInfo<>(Action.class);
    public static final TypeInformation<JourneyEvent> JOURNEY_EVENT = new AvroTypeInfo<>(JourneyEvent.class);
    public static final TypeInformation<Erasure> ERASURE = new AvroTypeInfo<>(Erasure.class);
    /** Read and written on every event with RocksDB, and whole at every heap checkpoint: Flink's Avro bytes, faster. */
    public static final TypeInformation<CustomerState> CUSTOMER_STATE =
            new CompiledAvroTypeInfo<>(CustomerState.class);
    public static final TypeInformation<CensusTally> CENSUS_TALLY = new AvroTypeInfo<>(CensusTally.class);
    public static final TypeInformation<CensusReport> CENSUS_REPORT = new AvroTypeInfo<>(CensusReport.class);

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", DEAD_LETTER);
    public static final OutputTag<JourneyEvent> JOURNEY_EVENTS = new OutputTag<>("journey-events", JOURNEY_EVENT);
    public static final OutputTag<Erasure> ERASURES = new OutputTag<>("erasures", ERASURE);
    public static final OutputTag<CensusReport> CENSUS = new OutputTag<>("journey-census", CENSUS_REPORT);
    public static final OutputTag<JourneyDeployment> DEPLOYMENTS =
            new OutputTag<>("journey-deployments", JOURNEY_DEPLOYMENT);

    private StreamTypes() {
    }
}
