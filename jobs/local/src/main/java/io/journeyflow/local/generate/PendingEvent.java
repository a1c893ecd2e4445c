package io.journeyflow.local.generate;

import io.journeyflow.schema.CustomerEvent;
import java.util.Comparator;

/**
 * A generated event waiting for its turn in the stream.
 *
 * @param customer the customer's number: ties in time go to the lower number, then to the order of generation
 * @param order the customer's own count of generated events, duplicates included
 */
record PendingEvent(long ts, int customer, int order, CustomerEvent event) {

    /** The stream's order: time, then customer number, then the customer's own order. */
    static final Comparator<PendingEvent> STREAM_ORDER = Comparator.comparingLong(PendingEvent::ts)
            .thenComparingInt(PendingEvent::customer)
            .thenComparingInt(PendingEvent::order);
}
