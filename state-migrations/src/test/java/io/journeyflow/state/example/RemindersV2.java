package io.journeyflow.state.example;

import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.state.example.v2.Recipient;
import io.journeyflow.state.example.v2.Schedule;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** The example operator at state version 2: the same behaviour over a {@link Schedule} and a {@link Recipient}. */
final class RemindersV2 extends KeyedProcessFunction<String, CustomerEvent, ReminderSent> {

    private transient ValueState<Schedule> schedule;
    private transient ValueState<Recipient> recipient;

    @Override
    public void open(OpenContext openContext) {
        schedule = getRuntimeContext().getState(ExampleStates.schedule());
        recipient = getRuntimeContext().getState(ExampleStates.recipient());
    }

    @Override
    public void processElement(CustomerEvent request, Context ctx, Collector<ReminderSent> out) throws Exception {
        schedule.update(new Schedule(Requests.due(request), null));
        recipient.update(new Recipient(Requests.channel(request), Requests.address(request)));
        ctx.timerService().registerEventTimeTimer(Requests.due(request));
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<ReminderSent> out) throws Exception {
        Schedule due = schedule.value();
        due.setSentAt(time);
        schedule.update(due);
        Recipient to = recipient.value();
        out.collect(new ReminderSent(ctx.getCurrentKey(), to.getChannel(), to.getAddress(), due.getRemindAt(), time,
                2));
    }
}
