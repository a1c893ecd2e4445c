package io.journeyflow.local.generate;

import io.journeyflow.schema.CustomerEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Every customer's events merged into one stream in time order, generated lazily: a customer's next visit is played
 * only when the stream reaches its start, so memory holds one cursor per customer plus the events of visits still
 * unfolding (a refund days after its purchase), never the whole period.
 */
final class EventStream implements Iterator<CustomerEvent> {

    private static final Comparator<CustomerCursor> VISIT_ORDER =
            Comparator.comparingLong(CustomerCursor::nextVisit).thenComparingInt(CustomerCursor::number);

    private final GeneratorPeriod period;
    private final PriorityQueue<CustomerCursor> customers;
    private final PriorityQueue<PendingEvent> pending = new PriorityQueue<>(PendingEvent.STREAM_ORDER);
    private final List<PendingEvent> played = new ArrayList<>();

    EventStream(GeneratorPeriod period, int customerCount) {
        this.period = period;
        this.customers = new PriorityQueue<>(customerCount, VISIT_ORDER);
        for (int number = 1; number <= customerCount; number++) {
            CustomerCursor customer = CustomerCursor.arriving(period, number);
            if (customer.nextVisit() != CustomerCursor.NEVER) {
                customers.add(customer);
            }
        }
    }

    @Override
    public boolean hasNext() {
        playVisitsDue();
        return !pending.isEmpty();
    }

    @Override
    public CustomerEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the generated period has no more events");
        }
        return pending.poll().event();
    }

    /**
     * Plays every visit that starts at or before the earliest pending event: a visit's events are never earlier than
     * its start, so after this nothing left to play can come before that event (or tie with it).
     */
    private void playVisitsDue() {
        while (!customers.isEmpty() && (pending.isEmpty() || customers.peek().nextVisit() <= pending.peek().ts())) {
            CustomerCursor customer = customers.poll();
            played.clear();
            customer.visit(period, played);
            pending.addAll(played);
            if (customer.nextVisit() != CustomerCursor.NEVER) {
                customers.add(customer);
            }
        }
    }
}
