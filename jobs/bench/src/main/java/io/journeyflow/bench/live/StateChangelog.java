package io.journeyflow.bench.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateChangelogOptions;
import org.apache.flink.util.FileUtils;

/**
 * Flink's state changelog on a MiniCluster, as flink-conf/config.yaml has it ready for a cluster: each checkpoint
 * writes the state changes logged since the last one, and the backend's own snapshot runs in the background every
 * {@code materializeEvery}. The log lives in a temporary folder, deleted on {@link #close}: it can reach gigabytes.
 */
public final class StateChangelog implements AutoCloseable {

    /** Flink's FsStateChangelogOptions.BASE_PATH: its module is only on the runtime class path. */
    private static final ConfigOption<String> BASE_PATH =
            ConfigOptions.key("state.changelog.dstl.dfs.base-path").stringType().noDefaultValue();

    private final Path folder;

    private StateChangelog(Path folder) {
        this.folder = folder;
    }

    public static StateChangelog enable(Configuration cluster, Duration materializeEvery) throws IOException {
        Path folder = Files.createTempDirectory("journeyflow-live-changelog");
        cluster.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
        cluster.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
        cluster.set(StateChangelogOptions.PERIODIC_MATERIALIZATION_INTERVAL, materializeEvery);
        cluster.set(BASE_PATH, folder.toUri().toString());
        return new StateChangelog(folder);
    }

    @Override
    public void close() throws IOException {
        FileUtils.deleteDirectory(folder.toFile());
    }
}
