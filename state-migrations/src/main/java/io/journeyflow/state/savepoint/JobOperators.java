package io.journeyflow.state.savepoint;

import io.journeyflow.job.OperatorIds;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * Every operator of the orchestrator job: a savepoint holding none of them is another job's. Read from the constants
 * of {@link OperatorIds}, so an operator added there is known here without a second list to keep in step.
 */
final class JobOperators {

    static final List<OperatorIds.Id> ALL = Arrays.stream(OperatorIds.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == OperatorIds.Id.class)
            .map(JobOperators::value)
            .toList();

    private JobOperators() {
    }

    private static OperatorIds.Id value(Field field) {
        try {
            return (OperatorIds.Id) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("OperatorIds." + field.getName() + " is public and yet unreadable", e);
        }
    }
}
