package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.HOUR;
import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.Action;
import org.junit.jupiter.api.Test;

class EngineBasicsTest {

    static final String CART = """
            id: cart
            version: 1
            entry: {event: cart_updated, when: "event.properties.cart_value > 0"}
            exit:
              - {event: purchase, outcome: converted}
            steps:
              - {id: wait-1h, wait: 1h}
              - {id: reminder, action: {channel: email, template: cart-reminder, payload: {discount: "5%"}}}
            """;

    @Test
    void entersWaitsThenActsAndCompletes() {
        Customer c = new Customer("c-1", Journeys.catalog(CART));

        c.send("cart_updated", T0, "cart_value", 12.5);

        assertThat(c.sink.trail()).containsExactly("cart:entered", "cart:step_reached:wait-1h", "cart:waiting:wait-1h");
        assertThat(c.sink.journeyEvents.get(2).getReason()).isEqualTo("until 2026-11-02T11:00:00Z");
        assertThat(c.timers).containsExactly(T0 + HOUR);
        assertThat(c.sink.actions).isEmpty();

        c.sink.clear();
        c.advanceTo(T0 + HOUR);

        assertThat(c.sink.trail()).containsExactly("cart:step_reached:reminder", "cart:action_emitted:reminder",
                "cart:exited:reminder");
        Action action = c.sink.actions.get(0);
        assertThat(action.getChannel()).isEqualTo("email");
        assertThat(action.getTemplate()).isEqualTo("cart-reminder");
        assertThat(action.getPayload()).containsEntry("discount", "5%");
        assertThat(action.getDecidedAt()).isEqualTo(T0 + HOUR);
        assertThat(action.getCustomerId()).isEqualTo("c-1");
        assertThat(action.getJourneyVersion()).isEqualTo(1);
        assertThat(action.getCategory()).isEqualTo("promotional");
        assertThat(action.getActionId()).matches("email-[0-9a-f]{32}");
        assertThat(c.sink.journeyEvents.get(2).getReason()).isEqualTo("completed");
        assertThat(c.state).isNull();
        assertThat(c.timers).isEmpty();
    }

    @Test
    void entryConditionFiltersEvents() {
        Customer c = new Customer("c-1", Journeys.catalog(CART));

        c.send("cart_updated", T0, "cart_value", 0L);

        assertThat(c.sink.journeyEvents).isEmpty();
        assertThat(c.state).isNull();
    }

    @Test
    void eventsNobodyCaresAboutLeaveNoState() {
        Customer c = new Customer("c-1", Journeys.catalog(CART));

        c.send("page_view", T0);

        assertThat(c.sink.journeyEvents).isEmpty();
        assertThat(c.state).isNull();
    }
}
