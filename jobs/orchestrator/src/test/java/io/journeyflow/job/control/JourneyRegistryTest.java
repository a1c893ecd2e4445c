package io.journeyflow.job.control;

import static io.journeyflow.job.TestData.CART_REMINDER;
import static io.journeyflow.job.TestData.control;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.TestData;
import io.journeyflow.schema.ControlRecord;
import io.journeyflow.schema.DeploymentStatus;
import io.journeyflow.schema.JourneyDeployment;
import io.journeyflow.schema.state.JourneyRecord;
import io.journeyflow.schema.state.JourneyStatus;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JourneyRegistryTest {

    private KeyedOneInputStreamOperatorTestHarness<String, ControlRecord, JourneyRecord> harness;
    private long offset;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new JourneyRegistry(Duration.ofMinutes(10)), JourneyRegistry::keyOf,
                Types.STRING);
    }

    @Test
    void aValidJourneyIsAcceptedAndBroadcast() throws Exception {
        JourneyDeployment answer = send("cart-reminder", CART_REMINDER);

        assertThat(answer.getStatus()).isEqualTo(DeploymentStatus.accepted);
        assertThat(answer.getVersion()).isEqualTo(1);
        assertThat(answer.getErrors()).isEmpty();
        assertThat(answer.getOffset()).isEqualTo(0L);
        assertThat(harness.extractOutputValues()).containsExactly(TestData.deployed("cart-reminder", CART_REMINDER));
    }

    @Test
    void aBrokenJourneyIsRejectedWithEveryReasonAndNotBroadcast() throws Exception {
        JourneyDeployment answer = send("broken-journey", TestData.BROKEN);

        assertThat(answer.getStatus()).isEqualTo(DeploymentStatus.rejected);
        assertThat(answer.getErrors()).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(error -> error.contains("broken-journey"));
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void theSameVersionWithOtherContentIsRejectedButTheSameContentIsUnchanged() throws Exception {
        send("cart-reminder", CART_REMINDER);

        JourneyDeployment changed = send("cart-reminder", CART_REMINDER.replace("wait: 1h", "wait: 2h"));
        JourneyDeployment same = send("cart-reminder", CART_REMINDER);

        assertThat(changed.getStatus()).isEqualTo(DeploymentStatus.rejected);
        assertThat(changed.getErrors()).singleElement().asString().contains("bump the version");
        assertThat(same.getStatus()).isEqualTo(DeploymentStatus.unchanged);
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void aNewVersionKeepsTheOldOneAndAnOlderVersionIsRejected() throws Exception {
        send("cart-reminder", CART_REMINDER.replace("version: 1", "version: 2"));
        JourneyDeployment older = send("cart-reminder", CART_REMINDER);
        JourneyDeployment newer = send("cart-reminder", CART_REMINDER.replace("version: 1", "version: 3")
                .replace("wait: 1h", "wait: 3h"));

        assertThat(older.getStatus()).isEqualTo(DeploymentStatus.rejected);
        assertThat(older.getErrors()).singleElement().asString().contains("older than the deployed version 2");
        assertThat(newer.getStatus()).isEqualTo(DeploymentStatus.accepted);
        JourneyRecord latest = harness.extractOutputValues().get(1);
        assertThat(latest.getCurrentVersion()).isEqualTo(3);
        assertThat(latest.getVersions()).containsOnlyKeys("2", "3");
    }

    @Test
    void aStatusChangeAloneAndARetirementChangeOnlyTheStatus() throws Exception {
        send("cart-reminder", CART_REMINDER);
        JourneyDeployment paused =
                send("cart-reminder", CART_REMINDER.replace("version: 1", "version: 1\nstatus: paused"));
        JourneyDeployment retired = send("cart-reminder", null);

        assertThat(paused.getStatus()).isEqualTo(DeploymentStatus.paused);
        assertThat(retired.getStatus()).isEqualTo(DeploymentStatus.retired);
        assertThat(harness.extractOutputValues()).extracting(JourneyRecord::getStatus)
                .containsExactly(JourneyStatus.active, JourneyStatus.paused, JourneyStatus.retired);
        assertThat(harness.extractOutputValues()).extracting(JourneyRecord::getCurrentVersion).containsOnly(1);
    }

    @Test
    void theKeyMustBeTheDocumentsId() throws Exception {
        JourneyDeployment wrongKey = send("cart", CART_REMINDER);
        JourneyDeployment noKey = send(null, CART_REMINDER);

        assertThat(wrongKey.getStatus()).isEqualTo(DeploymentStatus.rejected);
        assertThat(wrongKey.getErrors()).singleElement().asString().contains("differs from the document id");
        assertThat(noKey.getStatus()).isEqualTo(DeploymentStatus.rejected);
        assertThat(noKey.getJourneyId()).isEqualTo("cart-reminder");
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    private JourneyDeployment send(String key, String text) throws Exception {
        harness.processElement(control(key, text, offset++), 0L);
        List<JourneyDeployment> answers = harness.getSideOutput(StreamTypes.DEPLOYMENTS).stream()
                .map(StreamRecord::getValue).toList();
        assertThat(answers).hasSize((int) offset);
        return answers.get(answers.size() - 1);
    }
}
