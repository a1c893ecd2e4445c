package io.journeyflow.local.generate;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Who a customer is, drawn once from the run seed and the customer number (and drawn again, identically, whenever
 * needed: a customer waiting for its next visit holds no more than its number and a time).
 *
 * @param activity how many times more often than a typical customer this one visits: Pareto-distributed, so a few
 *     customers are very active (the heavy tail that makes hot keys in production)
 * @param since when the customer arrives: the period's start, or later for a newcomer, who signs up then
 * @param activeUntil after it the customer goes quiet (the silence the win-back journey looks for)
 */
record CustomerTraits(int number, String customerId, ZoneId zone, double activity, boolean newcomer, long since,
                      long activeUntil, String favouriteCategory, String device, String tier) {

    static final String[] CATEGORIES = {"shoes", "outdoor", "books", "kitchen", "garden", "toys", "fashion", "tech"};
    private static final String[] ZONES = {"Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York",
        "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Tokyo", "Asia/Kolkata",
        "Australia/Sydney"};
    private static final double[] ZONE_WEIGHTS = {14, 12, 10, 16, 8, 10, 6, 8, 10, 6};
    /** Relative chance of a visit starting at each local hour: few at night, most in the evening. */
    private static final double[] HOURLY = {0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 0.9, 1.1, 1.1, 1.1, 1.2, 1.4, 1.3,
        1.1, 1.1, 1.2, 1.4, 1.7, 2.0, 2.1, 1.8, 1.2, 0.6};
    private static final double BUSIEST_HOUR = 2.1;
    /** A customer of activity 1 visits about every six days (half of all customers are below 0.55). */
    private static final double TYPICAL_GAP = 6 * Sampler.DAY;
    private static final double MAX_ACTIVITY = 200;

    static CustomerTraits of(long seed, int number, long start, long end) {
        Sampler draw = Sampler.of(seed, number, 0);
        ZoneId zone = ZoneId.of(draw.weighted(ZONES, ZONE_WEIGHTS));
        double activity = Math.min(MAX_ACTIVITY, draw.pareto(0.35, 1.4));
        boolean newcomer = draw.chance(0.3);
        long span = end - start;
        long since = newcomer ? wholeSecond(start + (long) (draw.uniform() * span * 0.9)) : start;
        long activeUntil = draw.chance(0.3) ? since + (long) (draw.uniform() * (end - since)) : end;
        return new CustomerTraits(number, "c-" + number, zone, activity, newcomer, since, activeUntil,
                draw.pick(CATEGORIES), draw.pick("web", "app"), draw.pick("bronze", "bronze", "silver", "gold"));
    }

    /**
     * When the visit after {@code after} starts: a Poisson process at this customer's rate, thinned by the hour of
     * day in the customer's own time zone.
     */
    long nextVisit(long after, Sampler draw) {
        double t = after;
        while (true) {
            t += draw.exponential(TYPICAL_GAP / activity);
            long candidate = (long) Math.min(t, Long.MAX_VALUE / 2);
            if (draw.uniform() * BUSIEST_HOUR < HOURLY[localHour(zone, candidate)]) {
                return wholeSecond(candidate);
            }
        }
    }

    /** The hour of day at {@code at} in {@code zone}. */
    static int localHour(ZoneId zone, long at) {
        int offset = zone.getRules().getOffset(Instant.ofEpochMilli(at)).getTotalSeconds();
        return (int) Math.floorMod(Math.floorDiv(at / 1000 + offset, 3600L), 24L);
    }

    private static long wholeSecond(long millis) {
        return millis - Math.floorMod(millis, Sampler.SECOND);
    }
}
