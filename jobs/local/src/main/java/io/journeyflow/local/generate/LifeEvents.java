package io.journeyflow.local.generate;

import static io.journeyflow.local.generate.Sampler.DAY;
import static io.journeyflow.local.generate.Sampler.HOUR;
import static io.journeyflow.local.generate.Sampler.MINUTE;
import static io.journeyflow.local.generate.VisitWriter.props;

/**
 * Everything a customer does besides shopping: arriving (signup, profile, consent), reading newsletters, opening and
 * closing support tickets, missing appointments, changing consent or profile, unsubscribing. The probabilities are
 * chosen so that every path of every sample journey is taken by some customers.
 */
final class LifeEvents {

    private static final String[] CHANNELS = {"email", "sms", "push"};

    private final VisitWriter out;
    private final Sampler draw;

    LifeEvents(VisitWriter out) {
        this.out = out;
        this.draw = out.draw;
    }

    /** The first visit: a newcomer signs up; many customers have their profile (and time zone) set. */
    void arrive(long at) {
        if (out.who.newcomer()) {
            out.emit("signup", at, out.who.device(), props("source", draw.pick("web", "app", "store")));
        }
        if (draw.chance(0.7)) {
            out.emit("profile_updated", at + draw.within(MINUTE, 30 * MINUTE), null,
                    props("time_zone", out.who.zone().getId(), "tier", out.who.tier(),
                            "preferred_channel", draw.pick(CHANNELS)));
        }
        if (draw.chance(0.3)) {
            out.emit("consent_changed", at + draw.within(MINUTE, 40 * MINUTE), null,
                    props("channel", draw.pick(CHANNELS), "granted", true, "source", "signup_form"));
        }
    }

    void newsletter(long at) {
        String topic = draw.chance(0.4) ? "retirement" : draw.pick("offers", "news");
        String template = topic + "-newsletter";
        out.emit("message_delivered", at, "email", props("topic", topic, "template", template));
        if (!draw.chance(0.5)) {
            return;
        }
        long opened = at + draw.within(MINUTE, 10 * HOUR);
        out.emit("message_opened", opened, "email", props("topic", topic, "template", template));
        double reaction = draw.uniform();
        if (reaction < 0.3) {
            out.emit("message_clicked", opened + draw.within(MINUTE, 48 * HOUR), "email",
                    props("topic", topic, "template", template));
        } else if (reaction < 0.55 && topic.equals("retirement")) {
            out.emit("message_clicked", opened + 3 * DAY + draw.within(HOUR, 6 * DAY), "in_app",
                    props("topic", topic, "template", "retirement-planner-in-app"));
        }
    }

    /** Most tickets close within two days; the rest stay open and suppress promotions (see the sample policy). */
    void supportTicket(long at) {
        String ticket = out.nextId("t");
        out.emit("support_ticket_opened", at, draw.pick("web", "call", "chat"),
                props("ticket_id", ticket, "topic", draw.pick("delivery", "billing", "returns")));
        if (draw.chance(0.7)) {
            out.emit("support_ticket_closed", at + draw.within(HOUR, 48 * HOUR), null, props("ticket_id", ticket));
        }
    }

    void missedAppointment(long at) {
        String appointment = out.nextId("a");
        out.emit("appointment_missed", at, null,
                props("appointment_id", appointment, "department", draw.pick("cardiology", "dental", "general")));
        double reaction = draw.uniform();
        if (reaction < 0.45) {
            out.emit("appointment_rescheduled", at + draw.within(2 * HOUR, 60 * HOUR), "web",
                    props("appointment_id", appointment));
        } else if (reaction < 0.6) {
            out.emit("appointment_rescheduled", at + draw.within(80 * HOUR, 120 * HOUR), "call",
                    props("appointment_id", appointment));
        }
    }

    /** Consent is mostly withdrawn (the events that change outcomes), sometimes granted again. */
    void consentChange(long at) {
        out.emit("consent_changed", at, null, props("channel", draw.pick(CHANNELS), "granted", draw.chance(0.3),
                "source", draw.pick("preference_center", "support", "unsubscribe_link")));
    }

    void profileChange(long at) {
        out.emit("profile_updated", at, null, props("tier", draw.pick("bronze", "silver", "gold"),
                "preferred_channel", draw.pick(CHANNELS)));
    }

    void unsubscribe(long at) {
        out.emit("unsubscribed", at, "email", props("list", "marketing"));
    }
}
