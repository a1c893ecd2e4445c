package io.journeyflow.job.events;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.job.serde.DecodedEvents;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.DecodedEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Usable events go on; dead letters go to their side output, counted. Nothing is dropped. */
public final class DeadLetterSplitter extends ProcessFunction<DecodedEvent, CustomerEvent> {

    private transient Counter deadLetters;

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(DecodedEvent decoded, Context ctx, Collector<CustomerEvent> out) {
        if (decoded.getEvent() != null) {
            out.collect(decoded.getEvent());
            return;
        }
        deadLetters.inc();
        if (decoded.getDeadLetter() != null) {
            ctx.output(StreamTypes.DEAD_LETTERS, decoded.getDeadLetter());
        } else {
            // A source that yields neither is a bug upstream; say so on the dead-letter topic rather than drop it.
            long time = ctx.timestamp() == null ? 0 : ctx.timestamp();
            DecodedEvent letter = DecodedEvents.deadLetter(new DecodedEvents.Origin("unknown", -1, -1, null, null,
                    time), DecodedEvents.INVALID_EVENT, "the source yielded neither an event nor a dead letter");
            ctx.output(StreamTypes.DEAD_LETTERS, letter.getDeadLetter());
        }
    }
}
