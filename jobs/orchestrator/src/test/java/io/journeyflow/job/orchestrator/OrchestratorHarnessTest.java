package io.journeyflow.job.orchestrator;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.JourneyRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;

/** The orchestrator's operator tests: each opens one harness ({@link OrchestratorHarness#open}), closed after it. */
abstract class OrchestratorHarnessTest {

    KeyedBroadcastOperatorTestHarness<String, CustomerEvent, JourneyRecord, Action> harness;

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }
}
