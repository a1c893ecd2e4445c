package io.journeyflow.bench;

import io.journeyflow.core.definition.CompilationResult;
import io.journeyflow.core.definition.CompiledJourney;
import io.journeyflow.core.definition.JourneyCompiler;
import io.journeyflow.core.engine.DecisionSink;
import io.journeyflow.core.engine.DueTimes;
import io.journeyflow.core.engine.EngineOptions;
import io.journeyflow.core.engine.JourneyEngine;
import io.journeyflow.core.engine.MutableCatalog;
import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.policy.PolicyReader;
import io.journeyflow.schema.Action;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.Erasure;
import io.journeyflow.schema.JourneyEvent;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The pure engine on one thread: state in a hash map (what the heap backend does, minus Flink), deadlines in a
 * priority queue fired in time order before each event, as a watermark would. Measures events per second per core.
 */
public final class EngineBench {

    private record Due(long time, String customerId) {}

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int eventCount = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
        int journeyCount = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String mode = args.length > 3 ? args[3] : "none";
        CustomerEvent[] events = BenchWorkload.events(customers, eventCount, 7, 42L);
        MutableCatalog catalog = catalog(BenchWorkload.journeys(journeyCount));
        ContactPolicy policy = switch (mode) {
            case "none" -> ContactPolicy.defaults();
            case "policies" -> PolicyReader.read(BenchWorkload.POLICY);
            case "policies+activity" -> PolicyReader.read(BenchWorkload.POLICY + BenchWorkload.ACTIVITY);
            default -> throw new IllegalArgumentException("mode is none, policies or policies+activity, not " + mode);
        };

        run(catalog, policy, events, eventCount / 3); // warm-up: JIT and CEL caches
        Result result = run(catalog, policy, events, eventCount);
        System.out.printf("engine%-18s %,12.0f events/s   (%,d events, %,d customers, %d journeys, %,d timers, "
                + "%,d actions, %.1f s)%n",
                mode.equals("none") ? "" : "+" + mode, result.eventsPerSecond(), eventCount, customers, journeyCount,
                result.timers, result.actions, result.seconds);
    }

    static MutableCatalog catalog(List<String> documents) {
        JourneyCompiler compiler = new JourneyCompiler();
        MutableCatalog catalog = new MutableCatalog();
        for (String document : documents) {
            CompilationResult compiled = compiler.compile(document);
            if (!compiled.isValid()) {
                throw new IllegalStateException("benchmark journey is invalid: " + compiled.errors());
            }
            CompiledJourney journey = compiled.journey();
            catalog.deploy(journey.id(), JourneyStatus.active, journey.version(), Map.of(journey.version(), journey));
        }
        return catalog;
    }

    record Result(double seconds, long events, long timers, long actions) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private static Result run(MutableCatalog catalog, ContactPolicy policy, CustomerEvent[] events, int count) {
        JourneyEngine engine = new JourneyEngine(EngineOptions.defaults(), policy);
        Map<String, CustomerState> states = new HashMap<>();
        PriorityQueue<Due> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.time, b.time));
        CountingSink sink = new CountingSink();
        long timers = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            CustomerEvent event = events[i];
            while (!deadlines.isEmpty() && deadlines.peek().time < event.getTs()) {
                Due due = deadlines.poll();
                CustomerState state = states.get(due.customerId);
                // Only the customer's current timer fires: the operator deletes the one it moves away from.
                if (state != null && state.getTimerAt() != null && state.getTimerAt() == due.time) {
                    timers++;
                    store(states, deadlines, due.customerId,
                            engine.onTime(catalog, state, due.customerId, due.time, sink), null, due.time);
                }
            }
            CustomerState state = states.get(event.getCustomerId());
            Long timer = state == null ? null : state.getTimerAt();
            store(states, deadlines, event.getCustomerId(), engine.onEvent(catalog, state, event, sink), timer,
                    Long.MIN_VALUE);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(seconds, count, timers, sink.actions);
    }

    /**
     * Keeps the new state and its one timer at the earliest due time after {@code fired}, queued when it moved, as the
     * operator keeps them ({@code TimerSync}).
     *
     * @param timer the customer's timer before the call ({@code null}: none, or the one that fired)
     */
    private static void store(Map<String, CustomerState> states, PriorityQueue<Due> deadlines, String customerId,
                              CustomerState after, Long timer, long fired) {
        if (after == null) {
            states.remove(customerId);
            return;
        }
        states.put(customerId, after);
        long next = DueTimes.next(after, fired);
        if (next == DueTimes.NONE) {
            after.setTimerAt(null);
            return;
        }
        if (timer == null || timer != next) {
            deadlines.add(new Due(next, customerId));
        }
        after.setTimerAt(next);
    }

    static final class CountingSink implements DecisionSink {
        long actions;
        long journeyEvents;

        @Override
        public void action(Action action) {
            actions++;
        }

        @Override
        public void journeyEvent(JourneyEvent event) {
            journeyEvents++;
        }

        @Override
        public void duplicateEvent(CustomerEvent event) {}

        @Override
        public void erased(Erasure erasure) {}

        @Override
        public void expressionFailed(String journeyId, String stepId, String message) {}
    }
}
