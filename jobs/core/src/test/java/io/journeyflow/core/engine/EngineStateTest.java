package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.DAY;
import static io.journeyflow.core.engine.Journeys.HOUR;
import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.JourneyEventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineStateTest {

    static final String WAITS = """
            id: waits
            version: 1
            entry: {event: go}
            exit: [{event: stop}]
            steps:
              - {id: w, wait: 1d}
              - {id: a, action: {channel: email, template: t}}
            """;

    @Test
    void aDuplicateEventIsReportedAndChangesNothing() {
        Customer c = new Customer("c-1", Journeys.catalog(WAITS));
        CustomerEvent stop = c.event("ev-2", "stop", T0 + HOUR);
        c.send("go", T0);
        String before = c.state.toString();

        c.send(c.event("e-c-1-1", "stop", T0 + 1)); // the id the "go" above was sent with

        assertThat(c.sink.duplicates).hasSize(1);
        assertThat(c.state.toString()).isEqualTo(before);
        assertThat(c.state.getInstances()).containsKey("waits");
        c.send(stop);
        assertThat(c.sink.duplicates).hasSize(1);
        assertThat(c.state).isNull();
    }

    @Test
    void recentEventIdsAreBoundedNewestLast() {
        Customer c = new Customer("c-1", Journeys.catalog(WAITS), new JourneyEngine(new EngineOptions(3, 256)));

        c.send(c.event("e1", "go", T0));
        for (int i = 2; i <= 5; i++) {
            c.send(c.event("e" + i, "page_view", T0 + i));
        }

        assertThat(c.state.getRecentEventHashes()).containsExactly(EventIdHash.of("e3"), EventIdHash.of("e4"),
                EventIdHash.of("e5"));
        c.send(c.event("e2", "stop", T0 + 9));
        assertThat(c.sink.duplicates).as("e2 was forgotten").isEmpty();
        assertThat(c.state).as("the forgotten e2 was a real stop").isNull();
    }

    @Test
    void stateIsNullOnceTheLastInstanceEndsAndTimersAreGone() {
        Customer c = new Customer("c-1", Journeys.catalog(WAITS));

        c.send("go", T0);
        assertThat(c.state).isNotNull();
        assertThat(c.timers).containsExactly(T0 + DAY);

        c.advanceTo(T0 + DAY);
        assertThat(c.sink.actions).hasSize(1);
        assertThat(c.state).isNull();
        assertThat(c.timers).isEmpty();
    }

    @Test
    void onTimeWithNoStateKeepsNothing() {
        JourneyEngine engine = new JourneyEngine(EngineOptions.defaults());
        RecordingSink sink = new RecordingSink();

        assertThat(engine.onTime(Journeys.catalog(WAITS), null, "c-1", T0, sink)).isNull();
        assertThat(sink.journeyEvents).isEmpty();
    }

    @Test
    void aProfileIsKeptEvenWithoutJourneys() {
        Customer c = new Customer("c-1", Journeys.catalog(WAITS));

        c.send("profile_updated", T0, "tier", "gold");

        assertThat(c.state.getProfile().getAttributes()).containsEntry("tier", "gold");
        assertThat(c.state.getInstances()).isEmpty();
    }

    @Test
    void theSameEventsGiveIdenticalOutputsWhateverElseIsInterleaved() {
        String[] journeys = {WAITS, EngineTimeTest.ENGAGE, EngineStepsTest.AB, EnginePolicyTest.HELLO.formatted("best")};
        Customer alone = new Customer("c-1", Journeys.catalog(journeys));
        MutableCatalog shared = Journeys.catalog(journeys);
        JourneyEngine engine = new JourneyEngine(EngineOptions.defaults());
        Customer mixed = new Customer("c-1", shared, engine);
        Customer neighbour = new Customer("c-2", shared, engine);

        for (Customer c : List.of(alone, mixed)) {
            c.send("go", T0).send("cart_updated", T0 + 1).send("signup", T0 + 2);
            if (c == mixed) {
                neighbour.send("cart_updated", T0).send("go", T0 + 5).send("profile_updated", T0 + 6, "x", 1L);
            }
            c.advanceTo(T0 + HOUR).send("message_clicked", T0 + 2 * HOUR).advanceTo(T0 + 3 * DAY);
        }

        assertThat(mixed.sink.actions).isNotEmpty().isEqualTo(alone.sink.actions);
        assertThat(mixed.sink.journeyEvents).isEqualTo(alone.sink.journeyEvents);
        assertThat(mixed.sink.ofKind(JourneyEventKind.entered)).hasSize(4);
    }
}
