package io.journeyflow.job.compat;

import static io.journeyflow.job.TestData.HOUR;
import static io.journeyflow.job.TestData.MINUTE;
import static io.journeyflow.job.TestData.event;
import static io.journeyflow.job.compat.CompatibilityScenario.F0;
import static io.journeyflow.job.compat.CompatibilityScenario.cart;
import static io.journeyflow.schema.JourneyEventKind.action_emitted;
import static io.journeyflow.schema.JourneyEventKind.action_suppressed;
import static io.journeyflow.schema.JourneyEventKind.entered;
import static io.journeyflow.schema.JourneyEventKind.exited;
import static io.journeyflow.schema.JourneyEventKind.step_reached;
import static io.journeyflow.schema.JourneyEventKind.timed_out;
import static io.journeyflow.schema.JourneyEventKind.waiting;
import static org.assertj.core.api.Assertions.tuple;

import io.journeyflow.job.TestData;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.JourneyEventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;

/**
 * What happens after a fixture of {@link CompatibilityScenario} is restored, derived from the two journeys:
 * <ul>
 *   <li>cart-abandonment: {@code wait-1h}, then an email {@code reminder}, then {@code await-click} for 2 days; on
 *       time-out {@code escalate} on the first of push, sms not opted out, then the instance completes;
 *   <li>onboarding: email {@code welcome}, {@code wait-2d}, email {@code getting-started}, then
 *       {@code await-first-purchase} for 5 days.
 * </ul>
 * Event time moves to F0+3d (plus a minute): every deadline of the story is then past, except onboarding's 5-day wait
 * and the returning shopper's cooldown.
 */
final class AfterRestore {

    private static final long DAY = 24 * HOUR;
    static final long END = F0 + 3 * DAY;

    private AfterRestore() {
    }

    /**
     * Three entries at F0+3d: the returning shopper's cart (cooldown until F0-2h30+7d: refused), the unsubscribed
     * customer's second signup (re-entry never: refused), and a newcomer who enters both journeys, which shows that
     * the refusals come from history and not from journeys missing after the restore.
     */
    static List<CustomerEvent> events() {
        List<CustomerEvent> events = new ArrayList<>(List.of(
                event("ar-01", "c-returning", "cart_updated", END, cart(30.0)),
                event("ar-02", "c-onboarded", "signup", END),
                event("ar-03", "c-newcomer", "signup", END),
                event("ar-04", "c-newcomer", "cart_updated", END, cart(10.0))));
        events.addAll(TestData.ticks(END + MINUTE, CompatibilityScenario.PARTITIONS));
        return events;
    }

    /** Every action: (customer, journey, step, channel, template, decided at). */
    static List<Tuple> actions() {
        return List.of(
                // Deadlines of wait-1h (F0+1h) and then of await-click (F0+1h+2d), each once.
                tuple("c-wait", "cart-abandonment", "reminder", "email", "cart-reminder-1", F0 + HOUR),
                tuple("c-wait", "cart-abandonment", "escalate", "push", "cart-reminder-2", F0 + 49 * HOUR),
                // Opted out of email: the reminder is suppressed, the journey goes on; push is allowed.
                tuple("c-noemail", "cart-abandonment", "escalate", "push", "cart-reminder-2", F0 + 49 * HOUR),
                // Reminded before the savepoint; await-click ends at F0-1h+2d.
                tuple("c-waitfor", "cart-abandonment", "escalate", "push", "cart-reminder-2", F0 + 47 * HOUR),
                // Opted out of push before the savepoint: escalated by sms.
                tuple("c-optout", "cart-abandonment", "escalate", "sms", "cart-reminder-2", F0 + 47 * HOUR),
                tuple("c-onboarding", "onboarding", "getting-started", "email", "welcome-2-getting-started",
                        F0 + 47 * HOUR),
                tuple("c-newcomer", "onboarding", "welcome", "email", "welcome-1", END));
    }

    /**
     * Every journey event per customer, in order: (journey, kind, step, time). The returning shopper and the
     * unsubscribed customer have none: a refused entry leaves no trace.
     */
    static Map<String, List<Tuple>> journeyEvents() {
        long early = F0 + 47 * HOUR;
        return Map.of(
                "c-wait", concat(reminded(action_emitted), escalated(F0 + 49 * HOUR)),
                "c-noemail", concat(reminded(action_suppressed), escalated(F0 + 49 * HOUR)),
                "c-waitfor", escalated(early),
                "c-optout", escalated(early),
                "c-onboarding", List.of(tuple("onboarding", step_reached, "getting-started", early),
                        tuple("onboarding", action_emitted, "getting-started", early),
                        tuple("onboarding", step_reached, "await-first-purchase", early),
                        tuple("onboarding", waiting, "await-first-purchase", early)),
                "c-newcomer", List.of(tuple("onboarding", entered, null, END),
                        tuple("onboarding", step_reached, "welcome", END),
                        tuple("onboarding", action_emitted, "welcome", END),
                        tuple("onboarding", step_reached, "wait-2d", END),
                        tuple("onboarding", waiting, "wait-2d", END),
                        cartEvent(entered, null, END), cartEvent(step_reached, "wait-1h", END),
                        cartEvent(waiting, "wait-1h", END)));
    }

    /** wait-1h over at F0+1h: the reminder (sent or suppressed), then await-click. */
    private static List<Tuple> reminded(JourneyEventKind reminder) {
        long at = F0 + HOUR;
        return List.of(cartEvent(step_reached, "reminder", at), cartEvent(reminder, "reminder", at),
                cartEvent(step_reached, "await-click", at), cartEvent(waiting, "await-click", at));
    }

    /** await-click over: escalate, and the instance completes. */
    private static List<Tuple> escalated(long at) {
        return List.of(cartEvent(timed_out, "await-click", at), cartEvent(step_reached, "escalate", at),
                cartEvent(action_emitted, "escalate", at), cartEvent(exited, "escalate", at));
    }

    private static Tuple cartEvent(JourneyEventKind kind, String step, long at) {
        return tuple("cart-abandonment", kind, step, at);
    }

    private static List<Tuple> concat(List<Tuple> first, List<Tuple> then) {
        List<Tuple> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }
}
