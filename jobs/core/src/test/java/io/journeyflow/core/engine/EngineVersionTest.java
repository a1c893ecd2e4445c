package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.DAY;
import static io.journeyflow.core.engine.Journeys.HOUR;
import static io.journeyflow.core.engine.Journeys.MINUTE;
import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.JourneyEventKind;
import org.junit.jupiter.api.Test;

class EngineVersionTest {

    static final String V1 = """
            id: onboard
            version: 1
            entry: {event: signup}
            steps:
              - {id: w1, wait: 1h}
              - {id: a1, action: {channel: email, template: v1}}
            """;

    private static String v2(String onUpdate) {
        return """
                id: onboard
                version: 2
                entry: {event: signup}
                %s
                steps:
                  - {id: wait-new, wait: 2h}
                  - {id: a2, action: {channel: email, template: v2}}
                """.formatted(onUpdate);
    }

    @Test
    void customersInFlightFinishOnTheVersionTheyEntered() {
        MutableCatalog catalog = Journeys.catalog(V1);
        Customer early = new Customer("c-1", catalog).send("signup", T0);

        Journeys.deployVersions(catalog, V1, v2(""));
        Customer late = new Customer("c-2", catalog).send("signup", T0 + MINUTE);
        early.advanceTo(T0 + DAY);
        late.advanceTo(T0 + DAY);

        assertThat(early.sink.actions).singleElement().satisfies(a -> {
            assertThat(a.getTemplate()).isEqualTo("v1");
            assertThat(a.getJourneyVersion()).isEqualTo(1);
        });
        assertThat(late.sink.actions).singleElement().satisfies(a -> assertThat(a.getJourneyVersion()).isEqualTo(2));
    }

    @Test
    void ejectEndsOlderInstancesAtTheCustomersNextEvent() {
        MutableCatalog catalog = Journeys.catalog(V1);
        Customer c = new Customer("c-1", catalog).send("signup", T0);

        Journeys.deployVersions(catalog, V1, v2("on_update: eject"));
        c.send("page_view", T0 + MINUTE);

        JourneyEvent exit = c.sink.ofKind(JourneyEventKind.exited).get(0);
        assertThat(exit.getReason()).isEqualTo("ejected");
        assertThat(exit.getJourneyVersion()).isEqualTo(1);
        assertThat(exit.getTs()).isEqualTo(T0 + MINUTE);
        assertThat(c.sink.actions).isEmpty();
        assertThat(c.state).isNull();
        assertThat(c.timers).isEmpty();
    }

    @Test
    void ejectAlsoAppliesAtTheNextTimer() {
        MutableCatalog catalog = Journeys.catalog(V1);
        Customer c = new Customer("c-1", catalog).send("signup", T0);

        Journeys.deployVersions(catalog, V1, v2("on_update: eject"));
        c.advanceTo(T0 + HOUR);

        assertThat(c.sink.ofKind(JourneyEventKind.exited)).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("ejected"));
        assertThat(c.sink.actions).isEmpty();
    }

    @Test
    void migrateMovesTheInstanceToTheMappedStepKeepingWhenItsWaitBegan() {
        MutableCatalog catalog = Journeys.catalog(V1);
        Customer c = new Customer("c-1", catalog).send("signup", T0);

        Journeys.deployVersions(catalog, V1, v2("on_update: migrate\nmigrate: {w1: wait-new}"));
        c.send("page_view", T0 + 30 * MINUTE);

        assertThat(c.state.getInstances().get("onboard").getVersion()).isEqualTo(2);
        assertThat(c.state.getInstances().get("onboard").getStepId()).isEqualTo("wait-new");
        assertThat(c.timers).containsExactly(T0 + 2 * HOUR);

        c.advanceTo(T0 + 2 * HOUR);
        assertThat(c.sink.actions).singleElement().satisfies(a -> {
            assertThat(a.getTemplate()).isEqualTo("v2");
            assertThat(a.getJourneyVersion()).isEqualTo(2);
            assertThat(a.getDecidedAt()).isEqualTo(T0 + 2 * HOUR);
        });
    }

    @Test
    void migrateEjectsWhenTheStepHasNoCounterpart() {
        MutableCatalog catalog = Journeys.catalog(V1);
        Customer c = new Customer("c-1", catalog).send("signup", T0);

        Journeys.deployVersions(catalog, V1, v2("on_update: migrate\nmigrate: {other: wait-new}"));
        c.send("page_view", T0 + MINUTE);

        assertThat(c.sink.ofKind(JourneyEventKind.exited)).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("ejected"));
    }

    @Test
    void anInstanceWhoseVersionIsGoneEndsVisibly() {
        MutableCatalog catalog = Journeys.catalog(V1);
        Customer c = new Customer("c-1", catalog).send("signup", T0);

        catalog.remove("onboard");
        c.send("page_view", T0 + MINUTE);

        assertThat(c.sink.ofKind(JourneyEventKind.exited)).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("error:unknown_version"));
        assertThat(c.state).isNull();
    }
}
