package io.journeyflow.job.control;

import static io.journeyflow.job.TestData.CART_REMINDER;
import static io.journeyflow.job.TestData.control;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.CensusReport;
import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.DeploymentStatus;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.state.JourneyRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry removes closed journey versions once every orchestrator subtask has none of its customers on them. */
class JourneyRegistryCensusTest {

    private static final long INTERVAL = Duration.ofMinutes(10).toMillis();
    private static final String V2 = CART_REMINDER.replace("version: 1", "version: 2").replace("wait: 1h", "wait: 2h");

    private KeyedOneInputStreamOperatorTestHarness<String, ControlRecord, JourneyRecord> harness;
    private long offset;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aRetiredJourneyIsRemovedOnceEverySubtaskHasNoCustomerLeft() throws Exception {
        harness = open(null);
        deploy(CART_REMINDER);
        long census = deploy(null).getCensus();

        answer(census, 0, 2, Map.of("1", 0L));
        assertThat(latest().getVersions()).as("one subtask is not all").containsOnlyKeys("1");
        answer(census, 1, 2, Map.of("1", 0L));

        assertThat(latest().getVersions()).as("the removal record").isEmpty();
        assertThat(answers()).extracting(JourneyDeployment::getStatus).containsExactly(
                DeploymentStatus.accepted, DeploymentStatus.retired, DeploymentStatus.removed);
        assertThat(answers().get(2).getVersion()).isNull();
        assertThat(harness.numKeyedStateEntries()).as("journey and tally forgotten").isZero();
        assertThat(deployAnswer(CART_REMINDER).getStatus()).as("the id is free again")
                .isEqualTo(DeploymentStatus.accepted);
    }

    @Test
    void customersStillInFlightKeepTheJourney() throws Exception {
        harness = open(null);
        deploy(CART_REMINDER);
        long census = deploy(null).getCensus();

        answer(census, 0, 2, Map.of("1", 0L));
        answer(census, 1, 2, Map.of("1", 3L));

        assertThat(latest().getVersions()).containsOnlyKeys("1");
        assertThat(answers()).extracting(JourneyDeployment::getStatus).doesNotContain(DeploymentStatus.removed);
    }

    @Test
    void anOlderVersionGoesWhenEmptyAndTheCurrentOneStays() throws Exception {
        harness = open(null);
        assertThat(deploy(CART_REMINDER).getCensus()).as("nothing closed, nothing asked").isZero();
        JourneyRecord two = deploy(V2);
        assertThat(two.getCensus()).isPositive();

        answer(two.getCensus(), 0, 1, Map.of("1", 0L));

        assertThat(latest().getVersions()).containsOnlyKeys("2");
        assertThat(latest().getCurrentVersion()).isEqualTo(2);
        JourneyDeployment removed = answers().get(answers().size() - 1);
        assertThat(removed.getStatus()).isEqualTo(DeploymentStatus.removed);
        assertThat(removed.getVersion()).isEqualTo(1);
    }

    @Test
    void answersCountOnlyForTheCurrentRequestAndOneParallelism() throws Exception {
        harness = open(null);
        deploy(CART_REMINDER);
        long first = deploy(null).getCensus();
        answer(first, 0, 2, Map.of("1", 0L));

        harness.setProcessingTime(first + INTERVAL);
        long second = latest().getCensus();
        assertThat(second).as("asked again after the interval").isGreaterThan(first);
        answer(first, 1, 2, Map.of("1", 0L));
        answer(second, 1, 2, Map.of("1", 0L));
        answer(second, 0, 3, Map.of("1", 0L));
        answer(second, 1, 3, Map.of("1", 0L));
        assertThat(latest().getVersions()).as("no parallelism answered in full").containsOnlyKeys("1");

        answer(second, 2, 3, Map.of("1", 0L));

        assertThat(latest().getVersions()).isEmpty();
    }

    @Test
    void afterARestoreOnlyRequestsOfTheNewRunCount() throws Exception {
        harness = open(null);
        deploy(CART_REMINDER);
        long before = deploy(null).getCensus();
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = open(snapshot);
        harness.setProcessingTime(before + 1);
        answer(before, 0, 1, Map.of("1", 0L));
        assertThat(harness.extractOutputValues()).as("an answer counted before the restore").isEmpty();

        harness.setProcessingTime(before + INTERVAL);
        long after = latest().getCensus();
        answer(after, 0, 1, Map.of("1", 0L));

        assertThat(latest().getVersions()).isEmpty();
    }

    private KeyedOneInputStreamOperatorTestHarness<String, ControlRecord, JourneyRecord> open(
            OperatorSubtaskState restoreFrom) throws Exception {
        var opened = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new JourneyRegistry(Duration.ofMillis(INTERVAL))), JourneyRegistry::keyOf,
                Types.STRING);
        if (restoreFrom != null) {
            opened.initializeState(restoreFrom);
        }
        opened.open();
        return opened;
    }

    private JourneyRecord deploy(String text) throws Exception {
        deployAnswer(text);
        return latest();
    }

    private JourneyDeployment deployAnswer(String text) throws Exception {
        harness.processElement(control("cart-reminder", text, offset++), 0L);
        return answers().get(answers().size() - 1);
    }

    private void answer(long census, int subtask, int parallelism, Map<String, Long> instances) throws Exception {
        CensusReport report = new CensusReport("cart-reminder", census, subtask, parallelism, instances);
        harness.processElement(ControlRecord.newBuilder().setKey("cart-reminder").setSourceTopic("journey-census")
                .setPartition(0).setOffset(offset++).setCensus(report).build(), 0L);
    }

    private JourneyRecord latest() {
        List<JourneyRecord> records = harness.extractOutputValues();
        return records.get(records.size() - 1);
    }

    private List<JourneyDeployment> answers() {
        return harness.getSideOutput(StreamTypes.DEPLOYMENTS).stream().map(StreamRecord::getValue).toList();
    }
}
