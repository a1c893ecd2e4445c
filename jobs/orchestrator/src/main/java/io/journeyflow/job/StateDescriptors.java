package io.journeyflow.job;

import io.journeyflow.schema.state.CensusTally;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyRecord;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Every state of the job, built in one place: the job, the tests and the state tools must use the exact same names
 * and types, or a savepoint cannot be read.
 */
public final class StateDescriptors {

    private StateDescriptors() {
    }

    /** Per customer (orchestrator, keyed by customer id): everything the engine keeps. */
    public static ValueStateDescriptor<CustomerState> customerState() {
        return new ValueStateDescriptor<>("customer", StreamTypes.CUSTOMER_STATE);
    }

    /** Per journey (registry, keyed by journey id): the journey as deployed, every version still needed. */
    public static ValueStateDescriptor<JourneyRecord> journeyRecord() {
        return new ValueStateDescriptor<>("journey", StreamTypes.JOURNEY_RECORD);
    }

    /** The registry's tally of the current census answers, per journey. */
    public static ValueStateDescriptor<CensusTally> censusTally() {
        return new ValueStateDescriptor<>("census-tally", StreamTypes.CENSUS_TALLY);
    }

    /** Broadcast to every orchestrator instance: journey id to its deployed record. */
    public static MapStateDescriptor<String, JourneyRecord> journeyCatalog() {
        return new MapStateDescriptor<>("journey-catalog", Types.STRING, StreamTypes.JOURNEY_RECORD);
    }
}
