package io.journeyflow.core.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelVariableResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain-Java evaluation of conditions against CEL itself, on random events and profiles that include what trips
 * evaluators up: missing keys, nulls, values of the wrong type, mixed ints and doubles, NaN and -0.0. Whatever the
 * direct path decides must be CEL's answer, and where CEL fails the condition must still fail.
 */
class DirectEvaluatorTest {

    private static final int CASES = 2_000;
    private static final Object[] NUMBERS = {0L, 3L, -2L, 11L, 0.0, -0.0, 10.5, 3.0, Double.NaN, "3", "x", true,
            NullValue.NULL_VALUE};
    private static final Object[] WORDS = {"shoes", "email", "retirement", "cart-reminder-1", "gold", "", 3L, 2.5,
            false, NullValue.NULL_VALUE};

    private final Expressions expressions = new Expressions();

    /** The sample journeys' conditions: these must be decided in Java, never by CEL, on well-formed input. */
    @ParameterizedTest
    @ValueSource(strings = {
        "has(event.properties.category) && profile.activity['page_view:' + string(event.properties.category)]['5d'] >= 3"
                + " && profile.orders == 0",
        "has(event.properties.cart_value) && double(event.properties.cart_value) > 0.0",
        "event.channel == 'email' && has(event.properties.topic) && event.properties.topic == 'retirement'",
        "has(event.properties.template) && event.properties.template == 'cart-reminder-1'",
    })
    void theSampleConditionsAreDecidedInJavaAndAgreeWithCel(String source) {
        Condition condition = compile(source);
        assertThat(condition.isDirect()).isTrue();
        Random random = new Random(source.hashCode());
        int decidedDirectly = 0;
        for (int i = 0; i < CASES; i++) {
            CelVariableResolver variables = wellFormed(random);
            Object direct = condition.direct().test(variables);
            assertThat(direct).as("%s on %s", source, describe(variables)).isInstanceOf(Boolean.class);
            assertThat(direct).isEqualTo(outcome(condition.celOnly(), variables));
            decidedDirectly++;
        }
        assertThat(decidedDirectly).isEqualTo(CASES);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "has(event.properties.category) && profile.activity['page_view:' + string(event.properties.category)]['5d'] >= 3"
                + " && profile.orders == 0",
        "has(event.properties.cart_value) && double(event.properties.cart_value) > 0.0",
        "event.properties.cart_value >= 10.5",
        "event.properties.cart_value == 0.0 || event.properties.cart_value != 3",
        "event.properties.n > 2 || event.properties.n < -1",
        "!(event.properties.flag) || profile.orders >= 1",
        "event.properties.category != 'shoes' && event.properties.category == event.channel",
        "string(event.properties.n) == '3' || double(event.properties.n) <= 3.0",
        "(profile.orders > 0 ? profile.attributes.tier : event.properties.category) == 'gold'",
        "profile.orders == 0 || event.properties.missing == 1",
        "event.properties.missing == 1 && profile.orders == 1",
        "has(profile.attributes.vip) && profile.attributes.vip == true",
        "profile.activity['page_view:shoes']['shoes'] > 0 || event.channel != null",
        "event.properties.category == 3 || event.properties.n == true || event.properties.n == null",
        "event.ts > 1000 && event.type == 'page_view'",
    })
    void whatTheJavaPathDecidesIsWhatCelDecidesOnAnyInput(String source) {
        Condition condition = compile(source);
        assertThat(condition.isDirect()).as("supported: " + source).isTrue();
        Random random = new Random(source.hashCode());
        int decidedDirectly = 0;
        for (int i = 0; i < CASES; i++) {
            CelVariableResolver variables = anything(random);
            Object expected = outcome(condition.celOnly(), variables);
            Object direct = condition.direct().test(variables);
            if (direct != DirectEvaluator.UNKNOWN) {
                assertThat(direct).as("%s on %s", source, describe(variables)).isEqualTo(expected);
                decidedDirectly++;
            }
            assertThat(outcome(condition, variables)).as("%s on %s", source, describe(variables)).isEqualTo(expected);
        }
        assertThat(decidedDirectly).as("inputs decided without CEL").isPositive();
    }

    @Test
    void shapesOutsideTheSubsetAreLeftToCel() {
        assertThat(compile("event.properties.tags.exists(t, t == 'vip')").isDirect()).isFalse();
        assertThat(compile("profile.lifetime_value / 2.0 > 1.0").isDirect()).isFalse();
        assertThat(compile("size(event.properties) > 2").isDirect()).isFalse();
        // The checker allows only list indexing here (a dyn key into a dyn value), so CEL fails on a map: not direct.
        assertThat(compile("profile.activity['page_view:shoes'][event.properties.category] > 0").isDirect()).isFalse();
        assertThat(compile("event.type in ['a', 'b']").isDirect()).isFalse();
        assertThat(compile("event.properties.category < 'm'").direct().test(name -> Optional.of(
                Map.of("properties", Map.of("category", "a"))))).isSameAs(DirectEvaluator.UNKNOWN);
    }

    private Condition compile(String source) {
        Scope scope = Scope.root("test");
        Condition condition = expressions.compile(source, scope, "entry.when");
        assertThat(scope.errors()).isEmpty();
        return condition;
    }

    /** True, false, or CEL's failure (as its class): what the engine would see. */
    private static Object outcome(Condition condition, CelVariableResolver variables) {
        try {
            return condition.test(variables);
        } catch (ConditionFailure e) {
            return ConditionFailure.class;
        }
    }

    /** Events and profiles as the engine builds them: the keys conditions read have values of the expected type. */
    private static CelVariableResolver wellFormed(Random random) {
        Map<String, Object> properties = new HashMap<>();
        maybe(random, properties, "category", pick(random, "shoes", "bags", "hats"));
        maybe(random, properties, "cart_value", random.nextInt(3) == 0 ? 0.0 : random.nextDouble() * 100);
        maybe(random, properties, "topic", pick(random, "retirement", "savings"));
        maybe(random, properties, "template", pick(random, "cart-reminder-1", "other"));
        Map<String, Object> event = Map.of("type", "page_view", "ts", 5_000L, "channel",
                random.nextBoolean() ? "email" : NullValue.NULL_VALUE, "properties", properties);
        Map<String, Object> activity = new HashMap<>();
        for (String category : List.of("shoes", "bags", "hats")) {
            activity.put("page_view:" + category, Map.of("5d", (long) random.nextInt(6)));
        }
        return variables(event, Map.of("orders", (long) random.nextInt(3), "activity", activity));
    }

    /** Anything at all in the places conditions read, including the wrong types and nothing. */
    private static CelVariableResolver anything(Random random) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : List.of("category", "cart_value", "n", "flag", "template")) {
            maybe(random, properties, key, key.equals("category") || key.equals("template")
                    ? WORDS[random.nextInt(WORDS.length)] : NUMBERS[random.nextInt(NUMBERS.length)]);
        }
        Map<String, Object> event = new HashMap<>();
        maybe(random, event, "properties", properties);
        maybe(random, event, "channel", WORDS[random.nextInt(WORDS.length)]);
        maybe(random, event, "ts", NUMBERS[random.nextInt(NUMBERS.length)]);
        maybe(random, event, "type", pick(random, "page_view", "purchase"));
        Map<String, Object> attributes = new HashMap<>();
        maybe(random, attributes, "tier", WORDS[random.nextInt(WORDS.length)]);
        maybe(random, attributes, "vip", NUMBERS[random.nextInt(NUMBERS.length)]);
        return variables(event, profile(random, NUMBERS[random.nextInt(NUMBERS.length)], attributes));
    }

    private static Map<String, Object> profile(Random random, Object orders, Map<String, Object> attributes) {
        Map<String, Object> windows = new HashMap<>();
        maybe(random, windows, "5d", (long) random.nextInt(6));
        maybe(random, windows, "shoes", NUMBERS[random.nextInt(NUMBERS.length)]);
        Map<String, Object> activity = new HashMap<>();
        for (String key : List.of("page_view:shoes", "page_view:bags", "page_view:3")) {
            maybe(random, activity, key, windows);
        }
        Map<String, Object> profile = new HashMap<>();
        profile.put("orders", orders);
        profile.put("activity", activity);
        profile.put("attributes", attributes);
        return profile;
    }

    private static void maybe(Random random, Map<String, Object> map, String key, Object value) {
        if (random.nextInt(5) > 0) {
            map.put(key, value);
        }
    }

    private static Object pick(Random random, Object... values) {
        return values[random.nextInt(values.length)];
    }

    private static CelVariableResolver variables(Map<String, Object> event, Map<String, Object> profile) {
        return name -> switch (name) {
            case "event" -> Optional.of(event);
            case "profile" -> Optional.of(profile);
            default -> Optional.empty();
        };
    }

    private static String describe(CelVariableResolver variables) {
        return "event " + variables.find("event").orElse(null) + ", profile " + variables.find("profile").orElse(null);
    }
}
