package io.journeyflow.state.savepoint;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;

/**
 * Keys saved states by their key. A class rather than a method reference: the savepoint writer keys the stream again
 * without the key type, and Flink cannot infer it from a reference to a generic method.
 */
public final class ByKey<V> implements KeySelector<SavedState<String, V>, String>, ResultTypeQueryable<String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(SavedState<String, V> saved) {
        return saved.key();
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}
