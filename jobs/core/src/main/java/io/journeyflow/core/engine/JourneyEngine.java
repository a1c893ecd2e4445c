package io.journeyflow.core.engine;

import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.CustomerState;
import java.util.function.LongConsumer;

/**
 * The journey engine: pure, deterministic decisions for one customer at a time. The caller owns the state: it loads
 * it, passes it in (or {@code null} for a customer never seen), and stores what comes back ({@code null} means
 * nothing is left to keep, so the caller clears the customer's state).
 *
 * <p>Timers: the caller asks {@link #dueTimes} before and after each call and registers or deletes the difference.
 */
public final class JourneyEngine {

    public JourneyEngine(EngineOptions options) {
        // API skeleton: implemented in the core engine work.
    }

    /**
     * Applies one event: deadlines at or before the event's time fire first (in time order), then the event goes to
     * instances in flight (exits, then waits), then to entries.
     *
     * @return the new state, or {@code null} when nothing is left to keep for this customer
     */
    public CustomerState onEvent(JourneyCatalog catalog, CustomerState state, CustomerEvent event, DecisionSink out) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Time reached {@code time} for this customer: every deadline at or before it fires, in time order.
     *
     * @return the new state, or {@code null} when nothing is left to keep for this customer
     */
    public CustomerState onTime(JourneyCatalog catalog, CustomerState state, String customerId, long time, DecisionSink out) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Every distinct time at which this state needs {@link #onTime} to be called. */
    public static void dueTimes(CustomerState state, LongConsumer due) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
