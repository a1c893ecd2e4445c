package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.DAY;
import static io.journeyflow.core.engine.Journeys.HOUR;
import static io.journeyflow.core.engine.Journeys.MINUTE;
import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.JourneyEventKind;
import org.junit.jupiter.api.Test;

class EngineTimeTest {

    static final String ENGAGE = """
            id: engage
            version: 1
            entry: {event: cart_updated}
            exit: [{event: purchase, outcome: converted}]
            steps:
              - {id: wait-1h, wait: 1h}
              - {id: reminder, action: {channel: email, template: r1}}
              - {id: engaged, wait_for: {event: message_clicked, within: 2d}, on_timeout: escalate, next: thanks}
              - {id: escalate, action: {channel: sms, template: r2}, next: end}
              - {id: thanks, end: engaged}
            """;

    @Test
    void purchaseBeforeTheReminderEndsTheJourneyWithNoAction() {
        Customer c = new Customer("c-1", Journeys.catalog(ENGAGE));

        c.send("cart_updated", T0).send("purchase", T0 + 30 * MINUTE).advanceTo(T0 + 10 * DAY);

        assertThat(c.sink.actions).isEmpty();
        assertThat(c.sink.trail()).endsWith("engage:converted:wait-1h");
        assertThat(c.state.getInstances()).isEmpty();
        assertThat(c.state.getProfile().getOrders()).as("only the profile remains: the purchase counts").isEqualTo(1);
        assertThat(c.timers).as("the pending wait's timer is gone").isEmpty();
    }

    @Test
    void waitForResumesOnTheAwaitedEvent() {
        Customer c = new Customer("c-1", Journeys.catalog(ENGAGE));

        c.send("cart_updated", T0).advanceTo(T0 + HOUR).send("message_clicked", T0 + DAY);

        assertThat(c.sink.actionSummary()).containsExactly("engage:reminder:email");
        assertThat(c.sink.trail()).endsWith("engage:step_reached:thanks", "engage:exited:thanks");
        assertThat(c.sink.journeyEvents.get(c.sink.journeyEvents.size() - 1).getReason()).isEqualTo("engaged");
    }

    @Test
    void waitForTimesOutToOnTimeout() {
        Customer c = new Customer("c-1", Journeys.catalog(ENGAGE));

        c.send("cart_updated", T0).advanceTo(T0 + HOUR + 2 * DAY);

        assertThat(c.sink.actionSummary()).containsExactly("engage:reminder:email", "engage:escalate:sms");
        assertThat(c.sink.ofKind(JourneyEventKind.timed_out)).singleElement()
                .satisfies(e -> assertThat(e.getTs()).isEqualTo(T0 + HOUR + 2 * DAY));
        assertThat(c.sink.actions.get(1).getDecidedAt()).isEqualTo(T0 + HOUR + 2 * DAY);
    }

    @Test
    void anEventExactlyAtTheDeadlineSeesTheTimeoutFirst() {
        Customer c = new Customer("c-1", Journeys.catalog(ENGAGE));
        c.send("cart_updated", T0).advanceTo(T0 + HOUR);

        // The watermark lags: the deadline's timer has not fired yet when the click arrives.
        c.send("message_clicked", T0 + HOUR + 2 * DAY);

        assertThat(c.sink.actionSummary()).containsExactly("engage:reminder:email", "engage:escalate:sms");
        assertThat(c.sink.trail()).doesNotContain("engage:step_reached:thanks");
    }

    @Test
    void anEventJustBeforeTheDeadlineStillCounts() {
        Customer c = new Customer("c-1", Journeys.catalog(ENGAGE));
        c.send("cart_updated", T0).advanceTo(T0 + HOUR);

        c.send("message_clicked", T0 + HOUR + 2 * DAY - 1);

        assertThat(c.sink.actionSummary()).containsExactly("engage:reminder:email");
        assertThat(c.sink.trail()).contains("engage:step_reached:thanks");
    }

    @Test
    void eventsOlderThanTheWaitForStepDoNotResumeIt() {
        Customer c = new Customer("c-1", Journeys.catalog(ENGAGE));
        c.send("cart_updated", T0).advanceTo(T0 + HOUR);

        c.send("message_clicked", T0 + 30 * MINUTE);

        assertThat(c.state.getInstances().get("engage").getStepId()).isEqualTo("engaged");
    }

    @Test
    void eventsOlderThanTheEntryDoNotTriggerExits() {
        Customer c = new Customer("c-1", Journeys.catalog(ENGAGE));
        c.send("cart_updated", T0);

        c.send("purchase", T0 - MINUTE);

        assertThat(c.state.getInstances()).containsKey("engage");
        assertThat(c.sink.ofKind(JourneyEventKind.converted)).isEmpty();
    }

    @Test
    void timeoutsCascadeInTimeOrderAndTiesGoByJourneyId() {
        String chain = """
                id: %s
                version: 1
                entry: {event: go}
                steps:
                  - {id: w1, wait: %s}
                  - {id: a1, action: {channel: email, template: t}}
                  - {id: w2, wait: 1h}
                  - {id: a2, action: {channel: push, template: t}}
                """;
        Customer c = new Customer("c-1", Journeys.catalog(chain.formatted("zeta", "1h"), chain.formatted("alpha", "2h"),
                chain.formatted("beta", "1h")));
        c.send("go", T0);

        // One late event sees every deadline before it, fired in time order, each at its own time.
        c.send("noise", T0 + 10 * HOUR);

        assertThat(c.sink.actions).extracting(a -> a.getJourneyId() + ":" + a.getStepId() + "@" + (a.getDecidedAt() - T0) / HOUR)
                .containsExactly("beta:a1@1", "zeta:a1@1", "alpha:a1@2", "beta:a2@2", "zeta:a2@2", "alpha:a2@3");
    }

    @Test
    void timerDrivenAndEventDrivenTimeoutsGiveTheSameDecisions() {
        Customer byTimer = new Customer("c-1", Journeys.catalog(ENGAGE));
        Customer byEvent = new Customer("c-1", Journeys.catalog(ENGAGE));

        byTimer.send("cart_updated", T0).advanceTo(T0 + 5 * DAY);
        byEvent.send("cart_updated", T0).send("page_view", T0 + 5 * DAY);

        assertThat(byEvent.sink.actions).isEqualTo(byTimer.sink.actions);
        assertThat(byEvent.sink.journeyEvents).isEqualTo(byTimer.sink.journeyEvents);
    }

    @Test
    void correlateRequiresTheLastActionId() {
        Customer c = new Customer("c-1", Journeys.catalog(ENGAGE.replace("within: 2d}", "within: 2d, correlate: true}")));
        c.send("cart_updated", T0).advanceTo(T0 + HOUR);
        String actionId = c.sink.actions.get(0).getActionId();

        c.send("message_clicked", T0 + 2 * HOUR, "action_id", "some-other-action");
        assertThat(c.state.getInstances().get("engage").getStepId()).isEqualTo("engaged");

        c.send("message_clicked", T0 + 3 * HOUR, "action_id", actionId);
        assertThat(c.sink.trail()).contains("engage:step_reached:thanks");
    }

    @Test
    void waitForConditionFiltersTheAwaitedEvent() {
        Customer c = new Customer("c-1", Journeys.catalog(
                ENGAGE.replace("within: 2d}", "within: 2d, when: \"event.properties.link == 'buy'\"}")));
        c.send("cart_updated", T0).advanceTo(T0 + HOUR);

        c.send("message_clicked", T0 + 2 * HOUR, "link", "unsubscribe");
        assertThat(c.state.getInstances().get("engage").getStepId()).isEqualTo("engaged");

        c.send("message_clicked", T0 + 3 * HOUR, "link", "buy");
        assertThat(c.sink.trail()).contains("engage:step_reached:thanks");
    }

    @Test
    void dueTimesListsEachDistinctDeadlineOnce() {
        String wait = "id: %s\nversion: 1\nentry: {event: go}\nsteps: [{id: w, wait: %s}]";
        Customer c = new Customer("c-1", Journeys.catalog(wait.formatted("a", "1h"), wait.formatted("b", "1h"),
                wait.formatted("c", "3h")));
        c.send("go", T0);

        java.util.List<Long> due = new java.util.ArrayList<>();
        DueTimes.forEach(c.state, due::add);

        assertThat(due).containsExactlyInAnyOrder(T0 + HOUR, T0 + 3 * HOUR);
        DueTimes.forEach(null, t -> due.add(-1L));
        assertThat(due).hasSize(2);
        assertThat(c.timers).as("one timer, at the earliest").containsExactly(T0 + HOUR);
    }

    @Test
    void theNextDueTimeIsTheEarliestAfterTheOneAskedAbout() {
        String wait = "id: %s\nversion: 1\nentry: {event: go}\nsteps: [{id: w, wait: %s}]";
        String reentry = "id: r\nversion: 1\nentry: {event: go, reentry: {policy: after_exit, cooldown: 5h}}\n"
                + "steps: [{id: w, wait: 2h}]";
        Customer c = new Customer("c-1", Journeys.catalog(wait.formatted("a", "1h"), wait.formatted("b", "3h"),
                reentry));
        c.send("go", T0);

        assertThat(DueTimes.next(c.state, Long.MIN_VALUE)).isEqualTo(T0 + HOUR);
        assertThat(DueTimes.next(c.state, T0 + HOUR)).as("after, not at").isEqualTo(T0 + 2 * HOUR);
        assertThat(DueTimes.next(c.state, T0 + 2 * HOUR)).isEqualTo(T0 + 3 * HOUR);
        assertThat(DueTimes.next(c.state, T0 + 3 * HOUR)).isEqualTo(DueTimes.NONE);

        c.advanceTo(T0 + 2 * HOUR);
        assertThat(c.timers).as("r left at 2h: its history lapses 5h later").containsExactly(T0 + 3 * HOUR);
        assertThat(DueTimes.next(c.state, T0 + 3 * HOUR)).isEqualTo(T0 + 7 * HOUR);
        c.advanceTo(T0 + 7 * HOUR);
        assertThat(c.timers).isEmpty();
        assertThat(c.state).as("everything lapsed").isNull();
    }
}
