package io.journeyflow.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The records committed to a topic against the records expected there, line for line (every field of the decoded
 * record, ids included): how many came more than once, which never came, which should not have come.
 *
 * @param duplicates records committed beyond their first time
 */
record OutputComparison(String what, int expected, int committed, int duplicates, List<String> missing,
                        List<String> unexpected) {

    /** @param expected records that are all different from each other, as one run without faults writes them */
    static OutputComparison of(String what, List<String> expected, List<String> committed) {
        Set<String> expectedSet = new HashSet<>(expected);
        if (expectedSet.size() != expected.size()) {
            throw new IllegalArgumentException("the expected " + what + " repeat records: nothing to compare with");
        }
        Set<String> committedSet = new HashSet<>(committed);
        return new OutputComparison(what, expected.size(), committed.size(), committed.size() - committedSet.size(),
                expected.stream().filter(line -> !committedSet.contains(line)).toList(),
                committedSet.stream().filter(line -> !expectedSet.contains(line)).sorted().toList());
    }

    @Override
    public String toString() {
        return String.format("%s: %d expected, %d committed, %d duplicates, %d missing, %d unexpected", what,
                expected, committed, duplicates, missing.size(), unexpected.size());
    }
}
