package io.journeyflow.state.savepoint;

import org.apache.flink.api.common.functions.ReduceFunction;

/**
 * Fails the job on the second element with a key. Savepoint writers are fed through it because they cannot fail by
 * themselves: Flink 2.2 runs a bootstrap function on a thread of its own and drops what it throws, leaving that
 * subtask's state silently empty.
 */
public final class RepeatedKey<V> implements ReduceFunction<SavedState<String, V>> {

    private static final long serialVersionUID = 1L;

    private final String what;

    /** @param what how the key is called in the input, for the message */
    public RepeatedKey(String what) {
        this.what = what;
    }

    @Override
    public SavedState<String, V> reduce(SavedState<String, V> first, SavedState<String, V> second) {
        throw new IllegalArgumentException(what + " '" + first.key() + "' appears more than once");
    }
}
