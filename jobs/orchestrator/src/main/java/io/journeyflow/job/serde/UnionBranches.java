package io.journeyflow.job.serde;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Which branch of an Avro union a value goes in, as Avro decides it: the branch named by the value's type (the full
 * name, for a record). The Java type each branch holds is found once, from the schema, not per value.
 */
final class UnionBranches {

    private final Class<?>[] holds;
    private final String[] recordNames;
    private final int nullBranch;

    UnionBranches(Schema union) {
        List<Schema> branches = union.getTypes();
        holds = new Class<?>[branches.size()];
        recordNames = new String[branches.size()];
        int whenNull = -1;
        for (int i = 0; i < holds.length; i++) {
            Schema branch = branches.get(i);
            holds[i] = javaType(branch);
            recordNames[i] = branch.getType() == Schema.Type.RECORD ? branch.getFullName() : null;
            whenNull = branch.getType() == Schema.Type.NULL && whenNull < 0 ? i : whenNull;
        }
        nullBranch = whenNull;
    }

    /** The branch's position, or -1 when no branch holds the value. */
    int of(Object value) {
        if (value == null) {
            return nullBranch;
        }
        for (int i = 0; i < holds.length; i++) {
            if (holds[i] != null && holds[i].isInstance(value) && (recordNames[i] == null
                    || ((IndexedRecord) value).getSchema().getFullName().equals(recordNames[i]))) {
                return i;
            }
        }
        return -1;
    }

    private static Class<?> javaType(Schema branch) {
        return switch (branch.getType()) {
            case BOOLEAN -> Boolean.class;
            case INT -> Integer.class;
            case LONG -> Long.class;
            case DOUBLE -> Double.class;
            case STRING -> CharSequence.class;
            case BYTES -> ByteBuffer.class;
            case ARRAY -> Collection.class;
            case MAP -> Map.class;
            case RECORD -> IndexedRecord.class;
            default -> null;
        };
    }
}
