package io.journeyflow.bench.compare;

import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * What the hand-written function keeps per customer: a Flink POJO (fast, evolvable state without Kryo), as a
 * competent Flink user would write it. Absent for a customer the journey has nothing to remember about.
 */
public class CartProgress {

    /** Waiting out the hour after the cart; {@link #due} is when the reminder goes out. */
    public static final int WAITING = 1;
    /** Reminder sent; {@link #due} is when the escalation goes out unless the customer clicks first. */
    public static final int AWAITING_CLICK = 2;
    /** Left the journey; {@link #due} is when a cart may enter the customer again. */
    public static final int COOLING_DOWN = 3;

    public int phase;
    public String entryEventId;
    public long enteredAt;
    public long due;

    public CartProgress() {
    }

    CartProgress(String entryEventId, long enteredAt) {
        this.phase = WAITING;
        this.entryEventId = entryEventId;
        this.enteredAt = enteredAt;
        this.due = enteredAt + CartJourney.WAIT_MS;
    }

    boolean inFlight() {
        return phase != COOLING_DOWN;
    }

    void leave(long at) {
        phase = COOLING_DOWN;
        due = at + CartJourney.COOLDOWN_MS;
    }

    /**
     * The hand-written job's only state. It is not Journeyflow's and not in {@code io.journeyflow.job.StateDescriptors}
     * (the orchestrator module cannot see this type), but declared once, here.
     */
    public static ValueStateDescriptor<CartProgress> descriptor() {
        return new ValueStateDescriptor<>("cart-progress", TypeInformation.of(CartProgress.class));
    }
}
