package io.journeyflow.state.savepoint;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Which keys a savepoint query keeps, decided where the state is read so that nothing else is shipped: every key, an
 * exact set, or the keys starting with one of some prefixes (both lists may be given: a key matching either is kept).
 */
public record KeyFilter(Set<String> exact, List<String> prefixes) implements Serializable {

    public static KeyFilter all() {
        return new KeyFilter(Set.of(), List.of());
    }

    public static KeyFilter only(String key) {
        return new KeyFilter(Set.of(key), List.of());
    }

    public KeyFilter {
        exact = Set.copyOf(exact);
        prefixes = List.copyOf(prefixes);
    }

    public boolean keeps(String key) {
        if (exact.isEmpty() && prefixes.isEmpty()) {
            return true;
        }
        return exact.contains(key) || prefixes.stream().anyMatch(key::startsWith);
    }
}
