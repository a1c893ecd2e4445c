package io.journeyflow.local.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes records as JSON lines, one file per subtask ({@code <name>-<subtask>.jsonl}), for a simulation to merge when
 * the job has finished. Not transactional: a simulation runs without restarts, so a file is written exactly once.
 */
public final class JsonLinesSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String directory;
    private final String name;
    private final SerializableFunction<T, String> format;
    private final String progressRunId;

    /**
     * @param directory where the per-subtask files go (must exist)
     * @param name the file name prefix and the progress counter's name
     * @param format one record to one line of text (without the line break)
     * @param progressRunId the run whose progress counters to feed, or {@code null}
     */
    public JsonLinesSink(Path directory, String name, SerializableFunction<T, String> format, String progressRunId) {
        this.directory = directory.toAbsolutePath().toString();
        this.name = name;
        this.format = format;
        this.progressRunId = progressRunId;
    }

    /** The file a subtask writes; the merge step lists them by this pattern. */
    static Path partFile(Path directory, String name, int subtask) {
        return directory.resolve(name + "-" + subtask + ".jsonl");
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Path file = partFile(Path.of(directory), name, context.getTaskInfo().getIndexOfThisSubtask());
        return new Writer<>(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format,
                SimulationProgress.of(progressRunId).counter(name));
    }

    private static final class Writer<T> implements SinkWriter<T> {

        private final BufferedWriter out;
        private final SerializableFunction<T, String> format;
        private final AtomicLong written;

        Writer(BufferedWriter out, SerializableFunction<T, String> format, AtomicLong written) {
            this.out = out;
            this.format = format;
            this.written = written;
        }

        @Override
        public void write(T record, Context context) throws IOException {
            out.write(format.apply(record));
            out.write('\n');
            written.incrementAndGet();
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
