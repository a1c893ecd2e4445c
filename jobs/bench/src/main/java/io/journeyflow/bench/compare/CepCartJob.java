package io.journeyflow.bench.compare;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.util.Collector;

/**
 * The cart-abandonment journey in Flink CEP, as its documentation suggests writing absences: two patterns, each a
 * cart "not followed by" what would cancel the action, with a window, matched when the window closes. CEP has no
 * notion of a journey a customer is in, so it cannot say "only one cart at a time" or "not again for 7 days after
 * leaving": every cart starts its own match (the benchmark's docs list what that changes).
 */
public final class CepCartJob {

    private static final String CART = "cart";

    private CepCartJob() {
    }

    /** Both patterns on the customer-keyed events; their actions, merged. */
    public static DataStream<Action> actions(KeyedStream<CustomerEvent, String> events) {
        DataStream<Action> reminders = CEP.pattern(events, reminder()).inEventTime()
                .process(new ToAction(false), StreamTypes.ACTION)
                .uid(ComparisonOperatorIds.CEP_CART_REMINDER.uid())
                .name(ComparisonOperatorIds.CEP_CART_REMINDER.name());
        DataStream<Action> escalations = CEP.pattern(events, escalation()).inEventTime()
                .process(new ToAction(true), StreamTypes.ACTION)
                .uid(ComparisonOperatorIds.CEP_CART_ESCALATION.uid())
                .name(ComparisonOperatorIds.CEP_CART_ESCALATION.name());
        return reminders.union(escalations);
    }

    /** A cart with no purchase in the hour after it. */
    static Pattern<CustomerEvent, ?> reminder() {
        return Pattern.<CustomerEvent>begin(CART).where(SimpleCondition.of(CartJourney::isEntry))
                .notFollowedBy("purchase").where(SimpleCondition.of(CartJourney::isPurchase))
                .within(Duration.ofMillis(CartJourney.WAIT_MS));
    }

    /** A cart with neither a purchase, nor a click after the reminder, until two days after the reminder. */
    static Pattern<CustomerEvent, ?> escalation() {
        return Pattern.<CustomerEvent>begin(CART).where(SimpleCondition.of(CartJourney::isEntry))
                .notFollowedBy("purchase-or-click").where(new PurchaseOrClickAfterReminder())
                .within(Duration.ofMillis(CartJourney.WAIT_MS + CartJourney.CLICK_WINDOW_MS));
    }

    /** Clicks before the reminder went out cannot be clicks on it; CEP reads the cart's time back from the match. */
    private static final class PurchaseOrClickAfterReminder extends IterativeCondition<CustomerEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(CustomerEvent event, Context<CustomerEvent> ctx) throws Exception {
            if (CartJourney.isPurchase(event)) {
                return true;
            }
            if (!CartJourney.isClick(event)) {
                return false;
            }
            Iterator<CustomerEvent> cart = ctx.getEventsForPattern(CART).iterator();
            return cart.hasNext() && event.getTs() >= cart.next().getTs() + CartJourney.WAIT_MS;
        }
    }

    /** The matched cart's reminder or escalation, with Journeyflow's ids. */
    private static final class ToAction extends PatternProcessFunction<CustomerEvent, Action> {
        private static final long serialVersionUID = 1L;

        private final boolean escalation;
        private transient CartActions actions;

        ToAction(boolean escalation) {
            this.escalation = escalation;
        }

        @Override
        public void open(OpenContext openContext) {
            actions = new CartActions();
        }

        @Override
        public void processMatch(Map<String, List<CustomerEvent>> match, Context ctx, Collector<Action> out) {
            CustomerEvent cart = match.get(CART).get(0);
            String customerId = cart.getCustomerId();
            out.collect(escalation
                    ? actions.escalation(customerId, cart.getEventId(), cart.getTs())
                    : actions.reminder(customerId, cart.getEventId(), cart.getTs()));
        }
    }
}
