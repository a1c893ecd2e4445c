package io.journeyflow.core.engine;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelVariableResolver;
import io.journeyflow.core.definition.Condition;
import io.journeyflow.core.definition.ConditionFailure;
import io.journeyflow.core.policy.ContactPolicy;
import io.journeyflow.core.profile.ProfileView;
import io.journeyflow.schema.CustomerEvent;
import io.journeyflow.schema.state.Profile;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code event} and {@code profile} variables of one decision. Their maps are built on first use only, and once
 * per event, since most events are never evaluated against any condition. In a run started by a deadline there is
 * no event: {@code event} is an empty map. Reused across calls; not thread-safe.
 */
final class EvalContext implements CelVariableResolver {

    private static final Optional<Object> NO_EVENT = Optional.of(Map.of());

    private final ContactPolicy policy;
    private DecisionSink out;
    private CustomerEvent event;
    private Profile profile;
    private long now;
    private Optional<Object> eventVariable;
    private Optional<Object> profileVariable;

    EvalContext(ContactPolicy policy) {
        this.policy = policy;
    }

    /** @param now the time of the event or deadline being decided; derived profile values are as of then */
    void use(DecisionSink out, CustomerEvent event, Profile profile, long now) {
        this.out = out;
        this.event = event;
        this.profile = profile;
        this.now = now;
        this.eventVariable = null;
        this.profileVariable = null;
    }

    /** Evaluates {@code condition}; a failure counts as false and is reported. */
    boolean test(Condition condition, String journeyId, String stepId) {
        try {
            return condition.test(this);
        } catch (ConditionFailure e) {
            out.expressionFailed(journeyId, stepId, e.getMessage());
            return false;
        }
    }

    @Override
    public Optional<Object> find(String name) {
        if (name.equals("event")) {
            if (eventVariable == null) {
                eventVariable = event == null ? NO_EVENT : Optional.of(eventMap(event));
            }
            return eventVariable;
        }
        if (name.equals("profile")) {
            if (profileVariable == null) {
                profileVariable = Optional.of(ProfileView.of(profile, policy, now, EvalContext::celValues));
            }
            return profileVariable;
        }
        return Optional.empty();
    }

    private static Map<String, Object> eventMap(CustomerEvent event) {
        Map<String, Object> map = new HashMap<>(8);
        map.put("event_id", event.getEventId());
        map.put("customer_id", event.getCustomerId());
        map.put("type", event.getType());
        map.put("ts", event.getTs());
        map.put("channel", orNull(event.getChannel()));
        map.put("properties", celValues(event.getProperties()));
        return map;
    }

    private static Object orNull(Object value) {
        return value == null ? NullValue.NULL_VALUE : value;
    }

    /**
     * CEL reads a Java null as an unknown value and only knows long and double: copy the map when it holds nulls or
     * other numbers or strings, otherwise use it as is.
     */
    private static Map<String, Object> celValues(Map<String, Object> values) {
        boolean plain = true;
        for (Object value : values.values()) {
            if (!(value instanceof String || value instanceof Long || value instanceof Double
                    || value instanceof Boolean)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return values;
        }
        Map<String, Object> copy = new HashMap<>(values.size() * 2);
        values.forEach((key, value) -> copy.put(key.toString(), celValue(value)));
        return copy;
    }

    private static Object celValue(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value instanceof CharSequence text ? text.toString() : value;
    }
}
