package io.journeyflow.state.bootstrap;

import io.journeyflow.job.OperatorIds;
import io.journeyflow.job.StateDescriptors;
import io.journeyflow.job.StreamTypes;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.state.StateToolException;
import io.journeyflow.state.savepoint.ByKey;
import io.journeyflow.state.savepoint.LocalFlink;
import io.journeyflow.state.savepoint.Progress;
import io.journeyflow.state.savepoint.RepeatedKey;
import io.journeyflow.state.savepoint.Savepoint;
import io.journeyflow.state.savepoint.SavedState;
import io.journeyflow.state.savepoint.ValueStateWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds a savepoint of the orchestrator job from a CRM export: one profile-only {@code CustomerState} per customer
 * under the orchestrator's uid. Every other operator of the job is absent from it and starts empty on restore (the
 * sources from their configured offsets, the registry and the catalog from the journeys folder and control topic).
 */
public final class CrmBootstrap {

    /** Rows reported by {@link #check}; the rest are only counted. */
    public static final int ERRORS_SHOWN = 20;

    /**
     * @param customers rows that make a profile
     * @param errors the first {@link #ERRORS_SHOWN} bad rows, each "line N: why"
     * @param badRows every bad row
     */
    public record Check(long customers, List<String> errors, long badRows) {
    }

    private final Path export;
    private final Instant asOf;
    private final PrintWriter console;

    /** @param asOf when the export was taken: every profile's {@code updated_at} */
    public CrmBootstrap(Path export, Instant asOf, PrintWriter console) {
        if (!Files.isRegularFile(export)) {
            throw new StateToolException("no CRM export at " + export + ": not a readable file");
        }
        this.export = export;
        this.asOf = asOf;
        this.console = console;
    }

    /** Reads every row before anything is written, so a bad export writes nothing. */
    public Check check() throws IOException {
        AtomicLong rows = new AtomicLong();
        List<String> errors = new ArrayList<>();
        long bad = 0;
        Progress progress = new Progress(console, () -> String.format("bootstrap: %,d rows checked", rows.get()));
        try (var in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            CrmReader reader = new CrmReader(in, asOf.toEpochMilli());
            while (true) {
                try {
                    if (reader.next() == null) {
                        return new Check(rows.get(), errors, bad);
                    }
                    rows.incrementAndGet();
                } catch (CrmRowException e) {
                    if (++bad <= ERRORS_SHOWN) {
                        errors.add(e.getMessage());
                    }
                }
            }
        } finally {
            progress.stop();
        }
    }

    /**
     * Writes the savepoint to {@code target} (a new directory) and reads it back to count the customers; on failure
     * nothing is left there.
     *
     * @param customers how many rows {@link #check} found
     */
    public void write(String target, long customers, int maxParallelism, int parallelism) throws IOException {
        org.apache.flink.core.fs.Path out = new org.apache.flink.core.fs.Path(target);
        FileSystem fs = out.getFileSystem();
        if (fs.exists(out) && (!fs.getFileStatus(out).isDir() || fs.listStatus(out).length > 0)) {
            throw new StateToolException("the savepoint target " + target + " exists already: give a new directory");
        }
        Progress progress = new Progress(console, () -> "bootstrap: writing " + target);
        try {
            StreamExecutionEnvironment env = LocalFlink.batch(parallelism);
            SavepointWriter.newSavepoint(env, new HashMapStateBackend(), maxParallelism)
                    .withOperator(OperatorIdentifier.forUid(OperatorIds.ORCHESTRATOR.uid()),
                            OperatorTransformation.bootstrapWith(rows(env)).keyBy(new ByKey<>(), Types.STRING)
                                    .transform(new ValueStateWriter<>(StateDescriptors.customerState())))
                    .write(target);
            env.execute("journeyctl state bootstrap " + export.getFileName());
            long written = Savepoint.open(target).countKeys(parallelism, OperatorIds.ORCHESTRATOR,
                    StateDescriptors.customerState(), StreamTypes.CUSTOMER_STATE);
            if (written != customers) {
                throw new IllegalStateException("the savepoint holds " + written + " customers, the export "
                        + customers);
            }
        } catch (Exception e) {
            fs.delete(out, true);
            throw new StateToolException("bootstrap failed, nothing was written: " + LocalFlink.rootCause(e), e);
        } finally {
            progress.stop();
        }
    }

    /** One state per customer; a customer id given twice fails the job here, before the writer. */
    private DataStream<SavedState<String, CustomerState>> rows(StreamExecutionEnvironment env) {
        FileSource<SavedState<String, CustomerState>> source = FileSource.forRecordStreamFormat(
                new CrmFormat(asOf.toEpochMilli()),
                new org.apache.flink.core.fs.Path(export.toAbsolutePath().toUri())).build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "CRM export",
                        SavedState.type(Types.STRING, StreamTypes.CUSTOMER_STATE))
                .keyBy(new ByKey<>(), Types.STRING)
                .reduce(new RepeatedKey<>("customer_id")).name("one row per customer");
    }
}
