package io.journeyflow.state.bootstrap;

import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.state.savepoint.SavedState;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * A CRM export as a Flink file format: one customer state per row. Not splittable (the header comes first). The file
 * was checked row by row before the job started, so a bad row here means it changed since, and fails the job.
 */
final class CrmFormat extends SimpleStreamFormat<SavedState<String, CustomerState>> {

    private static final long serialVersionUID = 1L;

    private final long asOf;

    CrmFormat(long asOf) {
        this.asOf = asOf;
    }

    @Override
    public StreamFormat.Reader<SavedState<String, CustomerState>> createReader(Configuration config,
                                                                              FSDataInputStream stream)
            throws IOException {
        CrmReader rows = new CrmReader(new InputStreamReader(stream, StandardCharsets.UTF_8), asOf);
        return new StreamFormat.Reader<>() {
            @Override
            public SavedState<String, CustomerState> read() throws IOException {
                return rows.next();
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }

    @Override
    public TypeInformation<SavedState<String, CustomerState>> getProducedType() {
        return SavedState.type(Types.STRING, StreamTypes.CUSTOMER_STATE);
    }
}
