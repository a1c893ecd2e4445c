package io.journeyflow.bench.compare;

import java.util.List;
import java.util.Collection;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A generator source whose whole sequence is one split, read by one reader in index order, whatever the job's
 * parallelism: every customer's events then reach the keyed operator in time order, as they do from a Kafka partition
 * keyed by customer. Flink's own generator splits the index range per reader, which would deliver one customer's
 * later events (from one reader) before earlier ones (from another).
 */
public final class OneSplitSource<T> extends DataGeneratorSource<T> {

    private static final long serialVersionUID = 1L;

    private final long count;

    public OneSplitSource(GeneratorFunction<Long, T> generator, long count, TypeInformation<T> type) {
        super(generator, count, type);
        if (count < 1) {
            throw new IllegalArgumentException("a source of no events: count must be at least 1, not " + count);
        }
        this.count = count;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return restoreEnumerator(context, List.of(new NumberSequenceSplit("all", 0, count - 1)));
    }
}
