package io.journeyflow.state.funnel;

import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.state.savepoint.SavedState;
import java.io.IOException;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.InstantiationUtil;

/**
 * Folds the customers of one savepoint reader into a {@link FunnelCollector} where they are read, and sends it on in
 * serialized parts once the reader is done: a few records per reader reach the client instead of every customer.
 */
final class FunnelFold extends AbstractStreamOperator<byte[]>
        implements OneInputStreamOperator<SavedState<String, CustomerState>, byte[]>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    /** 32,768 entry times and as many deadlines: about 0.5 MB a part, well below the collect sink's 2 MB batches. */
    static final int VALUES_PER_PART = 1 << 15;

    private transient FunnelCollector collector;

    @Override
    public void open() throws Exception {
        super.open();
        collector = new FunnelCollector();
    }

    @Override
    public void processElement(StreamRecord<SavedState<String, CustomerState>> customer) {
        collector.add(customer.getValue());
    }

    @Override
    public void endInput() throws IOException {
        for (FunnelCollector part : collector.split(VALUES_PER_PART)) {
            output.collect(new StreamRecord<>(InstantiationUtil.serializeObject(part)));
        }
        collector = null;
    }

    static FunnelCollector read(byte[] part) {
        try {
            return InstantiationUtil.deserializeObject(part, FunnelFold.class.getClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a partial funnel could not be read back", e);
        }
    }
}
