package io.journeyflow.state.example;

import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.state.example.v1.Reminder;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The example operator at state version 1: a {@code remind} event ({@code channel}, {@code address}, {@code due} in
 * epoch millis) stores a {@link Reminder} and sets an event-time timer; the timer sends it and marks it sent.
 */
final class RemindersV1 extends KeyedProcessFunction<String, CustomerEvent, ReminderSent> {

    private transient ValueState<Reminder> reminder;

    @Override
    public void open(OpenContext openContext) {
        reminder = getRuntimeContext().getState(ExampleStates.reminder());
    }

    @Override
    public void processElement(CustomerEvent request, Context ctx, Collector<ReminderSent> out) throws Exception {
        Reminder next = new Reminder(Requests.channel(request), Requests.address(request), Requests.due(request), null);
        reminder.update(next);
        ctx.timerService().registerEventTimeTimer(next.getDueAt());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<ReminderSent> out) throws Exception {
        Reminder due = reminder.value();
        due.setSentAt(time);
        reminder.update(due);
        out.collect(new ReminderSent(ctx.getCurrentKey(), due.getChannel(), due.getAddress(), due.getDueAt(), time, 1));
    }
}
