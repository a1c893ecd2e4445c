package io.journeyflow.state.savepoint;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.InputSplit;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.KeyGroupsStateHandle;
import org.apache.flink.runtime.state.KeyedStateHandle;

/** A savepoint reader's share of a keyed operator: a range of key groups and the parts of the files that hold them. */
record KeyGroupSplit(int number, KeyGroupRange keyGroups, List<KeyedStateHandle> files) implements InputSplit {

    @Override
    public int getSplitNumber() {
        return number;
    }

    /**
     * Key groups divided among the readers as Flink divides them among subtasks, each part of a file read ahead
     * ({@link BufferedHandle}).
     */
    static KeyGroupSplit[] of(OperatorState operator, int readers) {
        int maxParallelism = operator.getMaxParallelism();
        int count = Math.max(1, Math.min(readers, maxParallelism));
        KeyGroupSplit[] splits = new KeyGroupSplit[count];
        for (int i = 0; i < count; i++) {
            KeyGroupRange range =
                    KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, count, i);
            List<KeyedStateHandle> parts = new ArrayList<>();
            for (OperatorSubtaskState subtask : operator.getStates()) {
                for (KeyedStateHandle handle : subtask.getManagedKeyedState()) {
                    KeyedStateHandle part = handle.getIntersection(range);
                    if (part != null) {
                        parts.add(new BufferedHandle((KeyGroupsStateHandle) part));
                    }
                }
            }
            splits[i] = new KeyGroupSplit(i, range, parts);
        }
        return splits;
    }
}
