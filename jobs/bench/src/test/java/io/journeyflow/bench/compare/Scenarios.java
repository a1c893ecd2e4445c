package io.journeyflow.bench.compare;

import java.time.Duration;
import java.time.Instant;

/**
 * One customer per rule where a journey engine and a pattern matcher may part: named after the scenario, all starting
 * with a cart at {@link #T0}.
 */
final class Scenarios {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final Duration HOUR = Duration.ofMillis(CartJourney.WAIT_MS);
    static final Duration TWO_DAYS = Duration.ofMillis(CartJourney.CLICK_WINDOW_MS);
    static final Duration COOLDOWN = Duration.ofMillis(CartJourney.COOLDOWN_MS);

    static final String SECOND_CART = "second-cart-in-flight";
    static final String CART_IN_COOLDOWN = "cart-in-cooldown";
    static final String CART_AT_COOLDOWN_END = "cart-at-cooldown-end";
    static final String PURCHASE_AT_REMINDER = "purchase-exactly-at-reminder";
    static final String CLICK_AT_ESCALATION = "click-exactly-at-escalation";
    static final String CLICK_BEFORE_REMINDER = "click-before-reminder";
    static final String CLICKED = "clicked-reminder";

    private static final String CART = "cart_updated";
    private static final String PURCHASE = "purchase";
    private static final String CLICK = "message_clicked";

    private Scenarios() {
    }

    static ScriptedEvents all() {
        return new ScriptedEvents()
                .add(SECOND_CART, CART, T0)
                .add(SECOND_CART, CART, T0.plus(Duration.ofMinutes(10)))
                .add(CART_IN_COOLDOWN, CART, T0)
                .add(CART_IN_COOLDOWN, PURCHASE, T0.plus(HOUR.multipliedBy(2)))
                .add(CART_IN_COOLDOWN, CART, T0.plus(HOUR.multipliedBy(3)))
                .add(CART_AT_COOLDOWN_END, CART, T0)
                .add(CART_AT_COOLDOWN_END, PURCHASE, T0.plus(Duration.ofMinutes(30)))
                .add(CART_AT_COOLDOWN_END, CART, T0.plus(Duration.ofMinutes(30)).plus(COOLDOWN))
                .add(PURCHASE_AT_REMINDER, CART, T0)
                .add(PURCHASE_AT_REMINDER, PURCHASE, T0.plus(HOUR))
                .add(CLICK_AT_ESCALATION, CART, T0)
                .add(CLICK_AT_ESCALATION, CLICK, T0.plus(HOUR).plus(TWO_DAYS))
                .add(CLICK_BEFORE_REMINDER, CART, T0)
                .add(CLICK_BEFORE_REMINDER, CLICK, T0.plus(Duration.ofMinutes(30)))
                .add(CLICKED, CART, T0)
                .add(CLICKED, CLICK, T0.plus(HOUR.multipliedBy(2)))
                .sorted();
    }
}
