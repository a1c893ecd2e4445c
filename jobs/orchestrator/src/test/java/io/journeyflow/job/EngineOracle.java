package io.journeyflow.job;

import io.journeyflow.core.engine.DecisionSink;
import io.journeyflow.core.engine.DueTimes;
import io.journeyflow.core.engine.EngineOptions;
import io.journeyflow.core.engine.JourneyEngine;
import io.journeyflow.job.orchestrator.CatalogUpdater;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pure engine decides for a sequence of events, without Flink: the reference the job must match. Each
 * customer's events run in order; then every deadline up to the final watermark fires, earliest first, as the job's
 * timers do.
 */
public final class EngineOracle {

    private EngineOracle() {
    }

    public static List<Action> actions(List<JourneyRecord> journeys, List<CustomerEvent> events, long finalWatermark) {
        CatalogUpdater catalog = new CatalogUpdater();
        journeys.forEach(catalog::apply);
        JourneyEngine engine = new JourneyEngine(EngineOptions.defaults());
        Collecting out = new Collecting();
        Map<String, List<CustomerEvent>> byCustomer = new LinkedHashMap<>();
        events.forEach(e -> byCustomer.computeIfAbsent(e.getCustomerId(), c -> new ArrayList<>()).add(e));
        byCustomer.forEach((customer, customerEvents) -> {
            CustomerState state = null;
            for (CustomerEvent event : customerEvents) {
                state = engine.onEvent(catalog.catalog(), state, event, out);
            }
            // As with Flink's timers: each due time fires once, in order, and only times after it can fire next.
            long due = nextDue(state, Long.MIN_VALUE);
            while (due != DueTimes.NONE && due <= finalWatermark) {
                state = engine.onTime(catalog.catalog(), state, customer, due, out);
                due = nextDue(state, due);
            }
        });
        return out.actions;
    }

    /** The engine's own: the operator keeps its one timer there ({@code TimerSync}). */
    private static long nextDue(CustomerState state, long fired) {
        return state == null ? DueTimes.NONE : DueTimes.next(state, fired);
    }

    private static final class Collecting implements DecisionSink {
        final List<Action> actions = new ArrayList<>();

        @Override
        public void action(Action action) {
            actions.add(action);
        }

        @Override
        public void journeyEvent(JourneyEvent event) {
        }

        @Override
        public void duplicateEvent(CustomerEvent event) {
        }

        @Override
        public void erased(Erasure erasure) {
        }

        @Override
        public void expressionFailed(String journeyId, String stepId, String message) {
        }
    }
}
