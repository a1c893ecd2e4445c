package io.journeyflow.state.savepoint;

import io.journeyflow.state.StateToolException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** The Flink the state tools run their jobs on: local (or the test's MiniCluster), bounded, in batch mode. */
public final class LocalFlink {

    private LocalFlink() {
    }

    /**
     * Batch mode: reading and writing savepoints are bounded jobs that need no checkpoints. No restarts: a restarted
     * bootstrap task was seen to find its file split gone and finish "successfully" with empty state, so a failed
     * task must fail the run.
     */
    public static StreamExecutionEnvironment batch(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    /**
     * Runs the stream as a job and hands every element to {@code each} as it arrives.
     *
     * @param job what the job does, for its name and for the one-line error if it fails
     * @return how many elements there were
     */
    public static <T> long collect(DataStream<T> stream, String job, Consumer<T> each) {
        return failingInOneLine(job, () -> drain(stream.executeAndCollect(job), each));
    }

    /**
     * Runs both streams (of the one environment {@code env}) as one job, saving a second job's start, and hands the
     * elements of the first, then of the second, to their consumers.
     */
    public static <A, B> void collect(StreamExecutionEnvironment env, String job, DataStream<A> first,
                                      Consumer<A> eachFirst, DataStream<B> second, Consumer<B> eachSecond) {
        failingInOneLine(job, () -> {
            CloseableIterator<A> firsts = first.collectAsync();
            CloseableIterator<B> seconds = second.collectAsync();
            env.executeAsync(job);
            drain(firsts, eachFirst);
            return drain(seconds, eachSecond);
        });
    }

    private static <T> long drain(CloseableIterator<T> elements, Consumer<T> each) throws Exception {
        long count = 0;
        try {
            while (elements.hasNext()) {
                each.accept(elements.next());
                count++;
            }
        } finally {
            elements.close();
        }
        return count;
    }

    private static long failingInOneLine(String job, Callable<Long> run) {
        try {
            return run.call();
        } catch (StateToolException e) {
            throw e;
        } catch (Exception e) {
            throw new StateToolException(job + " failed: " + rootCause(e), e);
        }
    }

    /** The innermost cause's first line: a failed job wraps the user's problem in several layers. */
    public static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
