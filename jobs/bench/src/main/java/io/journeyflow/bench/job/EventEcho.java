package io.journeyflow.bench.job;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DecodedEvent;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The pass-through job's only work: each decoded event becomes one output record of the job's own output type, with
 * no state and no decision, so what the job costs beyond Kafka, Avro and Flink's plumbing shows in the comparison.
 * Records that did not decode are dropped, as there are none in a generated input.
 */
public final class EventEcho implements FlatMapFunction<DecodedEvent, Action> {

    @Override
    public void flatMap(DecodedEvent decoded, Collector<Action> out) {
        CustomerEvent event = decoded.getEvent();
        if (event == null) {
            return;
        }
        out.collect(Action.newBuilder()
                .setActionId("echo-" + event.getEventId())
                .setCustomerId(event.getCustomerId())
                .setJourneyId("pass-through")
                .setJourneyVersion(1)
                .setInstanceId(event.getEventId())
                .setStepId(event.getType())
                .setChannel("email")
                .setTemplate(event.getType())
                .setCategory("transactional")
                .setPayload(Map.of())
                .setDecidedAt(event.getTs())
                .setVariant(null)
                .setReason("pass-through")
                .build());
    }
}
