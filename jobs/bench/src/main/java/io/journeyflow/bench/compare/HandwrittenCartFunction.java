package io.journeyflow.bench.compare;

import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The cart-abandonment journey written by hand for this one journey, as a competent Flink user would: one POJO in
 * ValueState per customer and one event-time timer at its next due time. Keyed by customer id.
 *
 * <p>It keeps Journeyflow's rules, because a correct hand-written job needs them too: one journey at a time per
 * customer (a second cart while one is in flight changes nothing), a purchase ends it at once, a 7-day cooldown after
 * leaving, and a deadline at or before an event's time is applied before the event, whether or not the watermark has
 * fired its timer yet (otherwise the outcome would depend on when the watermark happened to arrive).
 */
public final class HandwrittenCartFunction extends KeyedProcessFunction<String, CustomerEvent, Action> {

    private static final long NO_TIMER = Long.MIN_VALUE;

    private transient ValueState<CartProgress> progress;
    private transient CartActions actions;

    @Override
    public void open(OpenContext openContext) {
        progress = getRuntimeContext().getState(CartProgress.descriptor());
        actions = new CartActions();
    }

    @Override
    public void processElement(CustomerEvent event, Context ctx, Collector<Action> out) throws Exception {
        CartProgress before = progress.value();
        long registered = before == null ? NO_TIMER : before.due;
        CartProgress after = passTime(before, event.getTs(), ctx.getCurrentKey(), out);
        after = apply(after, event);
        store(before, after, registered, ctx.timerService());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Action> out) throws Exception {
        CartProgress before = progress.value();
        store(before, passTime(before, time, ctx.getCurrentKey(), out), NO_TIMER, ctx.timerService());
    }

    /** Applies every due time at or before {@code time}, in order: each can lead to the next. */
    private CartProgress passTime(CartProgress state, long time, String customerId, Collector<Action> out) {
        while (state != null && state.due <= time) {
            switch (state.phase) {
                case CartProgress.WAITING -> {
                    out.collect(actions.reminder(customerId, state.entryEventId, state.enteredAt));
                    state.phase = CartProgress.AWAITING_CLICK;
                    state.due += CartJourney.CLICK_WINDOW_MS;
                }
                case CartProgress.AWAITING_CLICK -> {
                    out.collect(actions.escalation(customerId, state.entryEventId, state.enteredAt));
                    state.leave(state.due);
                }
                default -> state = null;
            }
        }
        return state;
    }

    private static CartProgress apply(CartProgress state, CustomerEvent event) {
        long time = event.getTs();
        if (state == null) {
            return CartJourney.isEntry(event) ? new CartProgress(event.getEventId(), time) : null;
        }
        // Events older than the entry (or than the reminder, for clicks) arrived late; they do not touch the journey.
        if (state.inFlight() && time >= state.enteredAt && CartJourney.isPurchase(event)
                || state.phase == CartProgress.AWAITING_CLICK && CartJourney.isClick(event)
                        && time >= state.enteredAt + CartJourney.WAIT_MS) {
            state.leave(time);
        }
        return state;
    }

    private void store(CartProgress before, CartProgress after, long registered, TimerService timers)
            throws Exception {
        long due = after == null ? NO_TIMER : after.due;
        if (due != registered) {
            if (registered != NO_TIMER) {
                timers.deleteEventTimeTimer(registered);
            }
            if (due != NO_TIMER) {
                timers.registerEventTimeTimer(due);
            }
        }
        if (after != null) {
            progress.update(after);
        } else if (before != null) {
            progress.clear();
        }
    }
}
