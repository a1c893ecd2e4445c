package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.DAY;
import static io.journeyflow.core.engine.Journeys.HOUR;
import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.JourneyEventKind;
import org.junit.jupiter.api.Test;

class EngineEntryTest {

    /** A journey that ends on the same instant it starts, with the given re-entry clause. */
    private static String instant(String reentry) {
        return """
                id: promo
                version: 1
                entry: {event: visit%s}
                steps:
                  - {id: hello, action: {channel: email, template: hi}}
                """.formatted(reentry.isEmpty() ? "" : ", reentry: " + reentry);
    }

    private static long entries(Customer c) {
        return c.sink.ofKind(JourneyEventKind.entered).size();
    }

    @Test
    void alwaysIsTheDefaultAndAdmitsEveryTimeNoInstanceIsInFlight() {
        Customer c = new Customer("c-1", Journeys.catalog(instant("")));

        c.send("visit", T0).send("visit", T0 + 1).send("visit", T0 + 2);

        assertThat(entries(c)).isEqualTo(3);
        assertThat(c.sink.actions).hasSize(3);
        assertThat(c.state).as("always needs no history").isNull();
    }

    @Test
    void neverAdmitsOnceInALifetime() {
        Customer c = new Customer("c-1", Journeys.catalog(instant("{policy: never}")));

        c.send("visit", T0).send("visit", T0 + 365 * DAY);

        assertThat(entries(c)).isEqualTo(1);
        assertThat(c.state.getHistory()).containsKey("promo");
        assertThat(c.timers).as("never-history is kept for good, with no timer").isEmpty();
    }

    @Test
    void afterExitHistoryExpiresByItsOwnTimerWhenTheCustomerNeverComesBack() {
        Customer c = new Customer("c-1", Journeys.catalog(instant("{policy: after_exit, cooldown: 1d}")));

        c.send("visit", T0);
        assertThat(c.timers).containsExactly(T0 + DAY);

        c.advanceTo(T0 + DAY);
        assertThat(c.state).isNull();
        assertThat(c.timers).isEmpty();
    }

    @Test
    void afterExitCooldownIsHalfOpen() {
        Customer c = new Customer("c-1", Journeys.catalog(instant("{policy: after_exit, cooldown: 1d}")));

        c.send("visit", T0);
        c.send("visit", T0 + DAY - 1);
        assertThat(entries(c)).as("inside the cooldown").isEqualTo(1);

        c.send("visit", T0 + DAY);
        assertThat(entries(c)).as("exactly at its end").isEqualTo(2);
    }

    @Test
    void afterExitHistoryIsDroppedOnceTheCooldownPassed() {
        Customer c = new Customer("c-1", Journeys.catalog(instant("{policy: after_exit, cooldown: 1d}")));

        c.send("visit", T0);
        assertThat(c.state.getHistory()).containsKey("promo");

        c.send("page_view", T0 + DAY);
        assertThat(c.state).isNull();
    }

    @Test
    void oneInstancePerJourneyAtATime() {
        Customer c = new Customer("c-1", Journeys.catalog("""
                id: slow
                version: 1
                entry: {event: visit}
                steps: [{id: w, wait: 1d}]
                """));

        c.send("visit", T0).send("visit", T0 + HOUR);

        assertThat(entries(c)).isEqualTo(1);
        assertThat(c.state.getInstances()).containsOnlyKeys("slow");
    }

    @Test
    void manyJourneysAtOnceInIdOrder() {
        Customer c = new Customer("c-1", Journeys.catalog(instant("").replace("promo", "b-second"),
                instant("").replace("promo", "a-first"),
                instant("").replace("promo", "other").replace("visit", "purchase")));

        c.send("visit", T0);

        assertThat(c.sink.actionSummary()).containsExactly("a-first:hello:email", "b-second:hello:email");
    }

    @Test
    void enteringEventIsNotCheckedAgainstItsOwnInstancesExits() {
        Customer c = new Customer("c-1", Journeys.catalog("""
                id: j
                version: 1
                entry: {event: visit}
                exit: [{event: visit, outcome: left}]
                steps: [{id: w, wait: 1d}]
                """));

        c.send("visit", T0);
        assertThat(c.state.getInstances()).containsKey("j");

        c.send("visit", T0 + HOUR);
        assertThat(c.sink.trail()).contains("j:exited:w");
        assertThat(entries(c)).as("the event that ends an instance starts the next where policy allows").isEqualTo(2);
        assertThat(c.state.getInstances().get("j").getEnteredAt()).isEqualTo(T0 + HOUR);
    }

    @Test
    void instanceIdDerivesFromCustomerJourneyAndEntryEvent() {
        String journey = instant("").replace("hello, action: {channel: email, template: hi}", "w, wait: 1d");
        Customer first = new Customer("c-1", Journeys.catalog(journey));
        Customer second = new Customer("c-1", Journeys.catalog(journey));

        first.send(first.event("ev-1", "visit", T0));
        second.send(second.event("ev-1", "visit", T0 + 5));
        Customer other = new Customer("c-2", Journeys.catalog(journey));
        other.send(other.event("ev-1", "visit", T0));

        String id = first.state.getInstances().get("promo").getInstanceId();
        assertThat(id).hasSize(16).matches("[0-9a-f]+");
        assertThat(second.state.getInstances().get("promo").getInstanceId()).isEqualTo(id);
        assertThat(other.state.getInstances().get("promo").getInstanceId()).isNotEqualTo(id);
    }

    @Test
    void pausedJourneysAdmitNoOne() {
        MutableCatalog catalog = Journeys.catalog(instant(""));
        catalog.deploy("promo", io.journeyflow.schema.state.JourneyStatus.paused, 1,
                java.util.Map.of(1, catalog.current("promo")));
        Customer c = new Customer("c-1", catalog);

        c.send("visit", T0);

        assertThat(c.sink.journeyEvents).isEmpty();
    }
}
