package io.journeyflow.local.generate;

import java.util.List;

/**
 * Where one customer is in its life: how many visits it has made and when the next one starts. That is all the merge
 * keeps per customer between visits; a visit's events are drawn from a stream of their own (run seed, customer,
 * visit), so no customer's behaviour depends on how many others there are or when they are generated.
 */
final class CustomerCursor {

    static final long NEVER = Long.MAX_VALUE;

    private enum Kind { SHOPPING, NEWSLETTER, TICKET, APPOINTMENT, CONSENT, PROFILE, UNSUBSCRIBE }

    private static final Kind[] KINDS = Kind.values();
    private static final double[] WEIGHTS = {72, 12, 4, 3, 3, 4, 1};

    private final int number;
    private int visits;
    private long nextVisit;
    private int sequence;
    private int order;

    CustomerCursor(int number, long firstVisit) {
        this.number = number;
        this.nextVisit = firstVisit;
    }

    /** A newcomer arrives when it signs up; a customer known from before at its first visit in the period. */
    static CustomerCursor arriving(GeneratorPeriod period, int number) {
        CustomerTraits who = traits(period, number);
        long first = who.newcomer()
                ? who.since()
                : who.nextVisit(period.start(), Sampler.of(period.seed(), number, -1));
        return new CustomerCursor(number, first < Math.min(who.activeUntil(), period.end()) ? first : NEVER);
    }

    int number() {
        return number;
    }

    long nextVisit() {
        return nextVisit;
    }

    /** Plays the visit due at {@link #nextVisit()} into {@code out} and schedules the next one. */
    void visit(GeneratorPeriod period, List<PendingEvent> out) {
        CustomerTraits who = traits(period, number);
        Sampler draw = Sampler.of(period.seed(), number, ++visits);
        VisitWriter writer = new VisitWriter(who, draw, period, sequence, order, out);
        long at = nextVisit;
        if (visits == 1) {
            new LifeEvents(writer).arrive(at);
        }
        if (visits > 1 || !who.newcomer()) {
            play(draw.weighted(KINDS, WEIGHTS), writer, at);
        }
        sequence = writer.sequence();
        order = writer.order();
        long next = who.nextVisit(at, draw);
        nextVisit = next >= Math.min(who.activeUntil(), period.end()) ? NEVER : next;
    }

    private static void play(Kind kind, VisitWriter writer, long at) {
        LifeEvents life = new LifeEvents(writer);
        switch (kind) {
            case SHOPPING -> new ShoppingVisit(writer).play(at);
            case NEWSLETTER -> life.newsletter(at);
            case TICKET -> life.supportTicket(at);
            case APPOINTMENT -> life.missedAppointment(at);
            case CONSENT -> life.consentChange(at);
            case PROFILE -> life.profileChange(at);
            case UNSUBSCRIBE -> life.unsubscribe(at);
        }
    }

    private static CustomerTraits traits(GeneratorPeriod period, int number) {
        return CustomerTraits.of(period.seed(), number, period.start(), period.end());
    }
}
