package io.journeyflow.state.profiles;

import io.journeyflow.state.StateToolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Conditions on a profile, over its flat column names ({@code attributes.tier}, {@code consent.email},
 * {@code time_zone}, ...): every path in {@code has} must be present and not null, every {@code where} path must equal
 * its value as text ({@code true}, {@code 42}, {@code 12.5}, {@code gold}). All conditions must hold.
 */
public record ProfileFilter(List<String> has, Map<String, String> where) {

    public ProfileFilter {
        has = List.copyOf(has);
        where = Map.copyOf(where);
    }

    /** From {@code PATH=VALUE} texts; one without {@code =} is refused. */
    public static ProfileFilter of(List<String> has, List<String> where) {
        Map<String, String> conditions = new LinkedHashMap<>();
        for (String condition : where) {
            int eq = condition.indexOf('=');
            if (eq <= 0) {
                throw new StateToolException("--where needs PATH=VALUE, e.g. attributes.tier=gold; got '" + condition
                        + "'");
            }
            conditions.put(condition.substring(0, eq), condition.substring(eq + 1));
        }
        return new ProfileFilter(has, conditions);
    }

    public boolean test(Map<String, String> profile) {
        return has.stream().allMatch(path -> profile.get(path) != null)
                && where.entrySet().stream().allMatch(c -> Objects.equals(profile.get(c.getKey()), c.getValue()));
    }
}
