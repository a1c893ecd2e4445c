package io.journeyflow.local.generate;

import io.journeyflow.schema.CustomerEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One customer's plausible life over the period: shopping sessions (browse, cart, sometimes buy), reactions to the
 * messages the sample journeys send, a retirement newsletter, a missed appointment, profile and consent changes.
 * The probabilities are chosen so that every path of every sample journey is taken by some customers.
 */
final class CustomerBehaviour {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final String[] CATEGORIES = {"shoes", "outdoor", "books", "kitchen", "garden", "toys"};
    private static final String[] TIME_ZONES = {"Europe/Paris", "Europe/London", "America/New_York", "Asia/Tokyo"};
    private static final String[] CONSENT_CHANNELS = {"email", "sms", "push"};

    private final int number;
    private final String customerId;
    private final SplittableRandom random;
    private final long start;
    private final long end;
    private final double duplicateRate;
    private Consumer<CustomerEvent> out;
    private int sequence;

    CustomerBehaviour(int number, SplittableRandom random, long start, long end, double duplicateRate) {
        this.number = number;
        this.customerId = "c-" + number;
        this.random = random;
        this.start = start;
        this.end = end;
        this.duplicateRate = duplicateRate;
    }

    void play(Consumer<CustomerEvent> sink) {
        this.out = sink;
        long span = end - start;
        boolean newcomer = chance(0.3);
        long since = newcomer ? start + (long) (random.nextDouble() * span * 0.9) : start;
        // Some customers go quiet part-way through: the silences the win-back journey looks for.
        long activeUntil = chance(0.35) ? since + (long) (random.nextDouble() * (end - since)) : end;
        if (newcomer) {
            emit("signup", since, "web", props("source", pick("web", "app", "store")));
        }
        if (chance(0.6)) {
            emit("profile_updated", since + minutes(1, 30), null, props("time_zone", pick(TIME_ZONES),
                    "tier", pick("bronze", "silver", "gold"), "preferred_channel", pick(CONSENT_CHANNELS)));
        }
        if (chance(0.08)) {
            emit("consent_changed", since + hours(1, 24 * 10), null,
                    props("channel", pick(CONSENT_CHANNELS), "granted", false));
        }
        int sessions = random.nextInt(7);
        for (int i = 0; i < sessions; i++) {
            shoppingSession(since + (long) (random.nextDouble() * Math.max(1, activeUntil - since)));
        }
        if (chance(0.2)) {
            retirementNewsletter(start + (long) (random.nextDouble() * span));
        }
        if (chance(0.15)) {
            missedAppointment(start + (long) (random.nextDouble() * span));
        }
        if (chance(0.1)) {
            supportTicket(start + (long) (random.nextDouble() * span));
        }
        if (newcomer && chance(0.05)) {
            emit("unsubscribed", since + hours(2, 24 * 6), "email", props("list", "marketing"));
        }
    }

    private void shoppingSession(long at) {
        String channel = pick("web", "app");
        String category = pick(CATEGORIES);
        long t = at;
        for (int views = 1 + random.nextInt(4); views > 0; views--) {
            emit("page_view", t, channel,
                    props("page", "/" + category + "/" + (1 + random.nextInt(40)), "category", category));
            t += minutes(0, 3) + 20_000;
        }
        if (!chance(0.45)) {
            return;
        }
        double cartValue = Math.round((10 + random.nextDouble() * 390) * 100) / 100.0;
        emit("cart_updated", t, channel,
                props("cart_value", cartValue, "category", category, "items", (long) (1 + random.nextInt(4))));
        double fate = random.nextDouble();
        if (fate < 0.25) {
            purchase(t + minutes(5, 50), channel, cartValue, category);
        } else if (fate < 0.4) {
            purchase(t + hours(2, 40), channel, cartValue, category);
        } else if (chance(0.4)) {
            // The first reminder goes out an hour after the cart; some open it, some of those click, some then buy.
            long opened = t + HOUR + hours(0, 20) + minutes(1, 59);
            emit("message_opened", opened, "email", props("template", "cart-reminder-1"));
            if (chance(0.5)) {
                long clicked = opened + minutes(1, 30);
                emit("message_clicked", clicked, "email", props("template", "cart-reminder-1"));
                if (chance(0.4)) {
                    purchase(clicked + minutes(3, 40), channel, cartValue, category);
                }
            }
        }
    }

    private void purchase(long at, String channel, double value, String category) {
        emit("purchase", at, channel,
                props("amount", value, "category", category, "order_id", "o-" + customerId + "-" + sequence));
    }

    private void retirementNewsletter(long at) {
        emit("message_opened", at, "email", props("topic", "retirement", "template", "retirement-newsletter"));
        double reaction = random.nextDouble();
        if (reaction < 0.3) {
            emit("message_clicked", at + hours(1, 48), "email",
                    props("topic", "retirement", "template", "retirement-newsletter"));
        } else if (reaction < 0.55) {
            emit("message_clicked", at + 3 * DAY + hours(1, 24 * 6), "in_app",
                    props("topic", "retirement", "template", "retirement-planner-in-app"));
        }
    }

    /** Most tickets close within two days; the rest stay open and suppress promotions (see the sample policy). */
    private void supportTicket(long at) {
        String ticket = "t-" + customerId + "-" + sequence;
        emit("support_ticket_opened", at, pick("web", "call"), props("ticket_id", ticket, "topic",
                pick("delivery", "billing", "returns")));
        if (chance(0.7)) {
            emit("support_ticket_closed", at + hours(1, 48), null, props("ticket_id", ticket));
        }
    }

    private void missedAppointment(long at) {
        String appointment = "a-" + customerId + "-" + sequence;
        emit("appointment_missed", at, null,
                props("appointment_id", appointment, "department", pick("cardiology", "dental", "general")));
        double reaction = random.nextDouble();
        if (reaction < 0.45) {
            emit("appointment_rescheduled", at + hours(2, 60), "web", props("appointment_id", appointment));
        } else if (reaction < 0.6) {
            emit("appointment_rescheduled", at + hours(80, 120), "call", props("appointment_id", appointment));
        }
    }

    private void emit(String type, long ts, String channel, Map<String, Object> properties) {
        if (ts < start || ts >= end) {
            return;
        }
        long rounded = ts - Math.floorMod(ts, 1000L);
        CustomerEvent event =
                new CustomerEvent("e-" + number + "-" + (++sequence), customerId, type, rounded, channel, properties);
        out.accept(event);
        if (chance(duplicateRate)) {
            out.accept(CustomerEvent.newBuilder(event).build());
        }
    }

    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private long minutes(int min, int max) {
        return (min + random.nextInt(max - min + 1)) * MINUTE;
    }

    private long hours(int min, int max) {
        return (min + random.nextInt(max - min + 1)) * HOUR;
    }
}
