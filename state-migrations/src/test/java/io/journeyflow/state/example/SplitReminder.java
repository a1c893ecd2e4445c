package io.journeyflow.state.example;

import io.journeyflow.state.example.v1.Reminder;
import io.journeyflow.state.example.v2.Recipient;
import io.journeyflow.state.example.v2.Schedule;
import io.journeyflow.state.savepoint.SavedState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateBootstrapFunction;

/**
 * Version 1 to version 2, one customer at a time: the {@link Reminder} becomes a {@link Schedule} ({@code due_at}
 * renamed {@code remind_at}, {@code sent_at} kept) and a {@link Recipient}. The timers are the ones the savepoint
 * held, not ones derived from {@code due_at}: a sent reminder has no timer left and must not get one back.
 */
final class SplitReminder extends KeyedStateBootstrapFunction<String, SavedState<String, Reminder>> {

    private transient ValueState<Schedule> schedule;
    private transient ValueState<Recipient> recipient;

    @Override
    public void open(OpenContext openContext) {
        schedule = getRuntimeContext().getState(ExampleStates.schedule());
        recipient = getRuntimeContext().getState(ExampleStates.recipient());
    }

    @Override
    public void processElement(SavedState<String, Reminder> saved, Context ctx) throws Exception {
        Reminder old = saved.value();
        schedule.update(new Schedule(old.getDueAt(), old.getSentAt()));
        recipient.update(new Recipient(old.getChannel(), old.getAddress()));
        saved.registerTimers(ctx.timerService());
    }
}
