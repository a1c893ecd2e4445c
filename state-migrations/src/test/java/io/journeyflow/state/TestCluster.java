package io.journeyflow.state;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** What the ITCases run on: a MiniCluster with two slots (parallelism 2); the broker is the job tests' KafkaExtension. */
public final class TestCluster {

    private TestCluster() {
    }

    public static MiniClusterExtension flink() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }
}
