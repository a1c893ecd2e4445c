package io.journeyflow.core.engine;

import static io.journeyflow.core.engine.Journeys.HOUR;
import static io.journeyflow.core.engine.Journeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.journeyflow.core.policy.PolicyReader;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.CustomerState;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shared empty collections until the first add, even in a state kept in memory from call to call. */
class StateCollectionsTest {

    @Test
    void aNewStateSharesTheEmptyCollectionsUntilSomethingIsAdded() {
        CustomerState state = StateCollections.emptyState();
        assertThat(state.getInstances()).isSameAs(Collections.emptyMap());
        assertThat(state.getLedger()).isSameAs(Collections.emptyList());

        StateCollections.ledger(state).add(null);
        StateCollections.history(state).put("j", null);

        assertThat(state.getLedger()).hasSize(1).isNotSameAs(Collections.emptyList());
        assertThat(state.getHistory()).containsKey("j");
        assertThat(state.getSuppressions()).isSameAs(Collections.emptyMap());
        assertThat(StateCollections.emptyState().getHistory()).as("the next customer's").isEmpty();
    }

    @Test
    void aStateKeptInMemoryBetweenCallsTakesEveryKindOfAddition() {
        // As the heap backend keeps it: the same object from call to call, never copied through Avro.
        JourneyEngine engine = new JourneyEngine(EngineOptions.defaults(), PolicyReader.read("""
                caps: [{id: email/day, channel: email, max: 1, per: 1d}]
                suppressions: [{id: bought, start_on: bought, max: 3d, journeys: [other]}]
                """));
        MutableCatalog catalog = Journeys.catalog("""
                id: promo
                version: 1
                entry: {event: go, reentry: {policy: after_exit, cooldown: 7d}}
                steps: [{id: mail, action: {channel: email, template: t}}]
                """);
        RecordingSink sink = new RecordingSink();

        CustomerState state = engine.onEvent(catalog, null, event("e-1", "purchase", T0), sink);
        assertThat(state.getSuppressions()).as("a purchase alone adds nothing to them").isEmpty();
        state = engine.onEvent(catalog, state, event("e-2", "bought", T0 + HOUR), sink);
        state = engine.onEvent(catalog, state, event("e-3", "go", T0 + 2 * HOUR), sink);

        assertThat(sink.actions).hasSize(1);
        assertThat(state.getSuppressions()).containsKey("bought");
        assertThat(state.getLedger()).hasSize(1);
        assertThat(state.getHistory()).as("the instance ended after its one step").containsKey("promo");
        assertThat(state.getInstances()).isEmpty();
    }

    @Test
    void anEndWithNothingOpenLeavesTheSuppressionsShared() {
        JourneyEngine engine = new JourneyEngine(EngineOptions.defaults(), PolicyReader.read(
                "suppressions: [{id: ticket, start_on: opened, end_on: closed, max: 14d, categories: [promotional]}]"));
        MutableCatalog catalog = Journeys.catalog();
        RecordingSink sink = new RecordingSink();

        CustomerState state = engine.onEvent(catalog, null, event("e-1", "purchase", T0), sink);
        state = engine.onEvent(catalog, state, event("e-2", "closed", T0 + HOUR), sink);
        assertThat(state.getSuppressions()).isSameAs(Collections.emptyMap());

        state = engine.onEvent(catalog, state, event("e-3", "opened", T0 + 2 * HOUR), sink);
        assertThat(state.getSuppressions()).containsOnlyKeys("ticket");
    }

    private static CustomerEvent event(String id, String type, long ts) {
        return new CustomerEvent(id, "c-1", type, ts, null, Map.of());
    }
}
