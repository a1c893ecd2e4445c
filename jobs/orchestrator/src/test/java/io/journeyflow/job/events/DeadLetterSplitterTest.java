package io.journeyflow.job.events;

import static io.journeyflow.job.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.TestData;
import io.journeyflow.job.serde.DecodedEvents;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DeadLetter;
import io.journeyflow.schema.DecodedEvent;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DeadLetterSplitterTest {

    @Test
    void eventsGoOnAndDeadLettersGoToTheirSideOutputNothingIsDropped() throws Exception {
        OneInputStreamOperatorTestHarness<DecodedEvent, CustomerEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DeadLetterSplitter());
        CustomerEvent event = TestData.event("e-1", "c-1", "cart_updated", T0);
        DecodedEvent letter = DecodedEvents.deadLetter(
                new DecodedEvents.Origin("customer-events", 0, 9, null, new byte[] {7}, T0), "Garbage", "bad");

        harness.processElement(DecodedEvent.newBuilder().setEvent(event).build(), T0);
        harness.processElement(letter, T0);
        harness.processElement(DecodedEvent.newBuilder().build(), T0);

        assertThat(harness.extractOutputValues()).containsExactly(event);
        assertThat(harness.getSideOutput(StreamTypes.DEAD_LETTERS)).extracting(StreamRecord::getValue)
                .extracting(DeadLetter::getErrorMessage)
                .containsExactly("bad", "the source yielded neither an event nor a dead letter");
    }
}
