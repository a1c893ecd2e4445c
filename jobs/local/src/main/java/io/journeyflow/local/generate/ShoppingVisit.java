package io.journeyflow.local.generate;

import static io.journeyflow.local.generate.Sampler.DAY;
import static io.journeyflow.local.generate.Sampler.HOUR;
import static io.journeyflow.local.generate.Sampler.MINUTE;
import static io.journeyflow.local.generate.Sampler.SECOND;
import static io.journeyflow.local.generate.VisitWriter.props;

/**
 * A shopping session: page views in a few categories (mostly the customer's favourite), sometimes a search, a cart,
 * a checkout, a purchase, and days later sometimes a refund. An abandoned cart may be followed by the shopper's
 * reaction to the reminder the cart journey sends, and sometimes a purchase after all.
 */
final class ShoppingVisit {

    private final VisitWriter out;
    private final Sampler draw;
    private final String channel;
    private final String category;

    ShoppingVisit(VisitWriter out) {
        this.out = out;
        this.draw = out.draw;
        this.channel = draw.chance(0.8) ? out.who.device() : draw.pick("web", "app");
        this.category = draw.chance(0.6) ? out.who.favouriteCategory() : draw.pick(CustomerTraits.CATEGORIES);
    }

    void play(long at) {
        long t = browse(at);
        if (!draw.chance(0.4)) {
            return;
        }
        double cartValue = Math.round((10 + draw.uniform() * 390) * 100) / 100.0;
        t += draw.within(20 * SECOND, 3 * MINUTE);
        out.emit("cart_updated", t, channel,
                props("cart_value", cartValue, "category", category, "items", (long) draw.between(1, 4)));
        if (draw.chance(0.55)) {
            t += draw.within(30 * SECOND, 10 * MINUTE);
            out.emit("checkout_started", t, channel, props("cart_value", cartValue, "category", category));
            if (draw.chance(0.75)) {
                purchase(t + draw.within(MINUTE, 5 * MINUTE), cartValue);
                return;
            }
        }
        abandoned(t, cartValue);
    }

    /** Views one to three seconds to three minutes apart; a very active customer browses longer. */
    private long browse(long at) {
        long t = at;
        int views = draw.between(1, 3 + (int) Math.min(8, out.who.activity()));
        for (int i = 0; i < views; i++) {
            String viewed = draw.chance(0.8) ? category : draw.pick(CustomerTraits.CATEGORIES);
            out.emit("page_view", t, channel,
                    props("page", "/" + viewed + "/" + draw.between(1, 40), "category", viewed));
            if (i == 0 && draw.chance(0.3)) {
                out.emit("search", t + draw.within(5 * SECOND, 40 * SECOND), channel, props("category", category));
            }
            t += draw.within(20 * SECOND, 3 * MINUTE);
        }
        return t;
    }

    private void abandoned(long cartAt, double cartValue) {
        double fate = draw.uniform();
        if (fate < 0.15) {
            purchase(cartAt + draw.within(2 * HOUR, 40 * HOUR), cartValue);
        } else if (fate < 0.55) {
            // The first reminder goes out an hour after the cart; some open it, some of those click, some then buy.
            long opened = cartAt + HOUR + draw.within(MINUTE, 20 * HOUR);
            out.emit("message_opened", opened, "email", props("template", "cart-reminder-1"));
            if (draw.chance(0.5)) {
                long clicked = opened + draw.within(MINUTE, 30 * MINUTE);
                out.emit("message_clicked", clicked, "email", props("template", "cart-reminder-1"));
                if (draw.chance(0.4)) {
                    purchase(clicked + draw.within(3 * MINUTE, 40 * MINUTE), cartValue);
                }
            }
        }
    }

    private void purchase(long at, double amount) {
        String order = out.nextId("o");
        out.emit("purchase", at, channel, props("amount", amount, "category", category, "order_id", order));
        if (draw.chance(0.07)) {
            out.emit("refund", at + draw.within(2 * DAY, 14 * DAY), channel,
                    props("amount", amount, "order_id", order, "reason", draw.pick("damaged", "size", "changed_mind")));
        }
    }
}
