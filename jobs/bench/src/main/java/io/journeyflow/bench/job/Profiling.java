package io.journeyflow.bench.job;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Java Flight Recorder around one job run only, when the system property {@code journeyflow.jfr} names a file
 * prefix: the profile then shows the job at work, not the broker's start-up or the preload.
 */
final class Profiling {

    private static final String PREFIX = System.getProperty("journeyflow.jfr");

    private Profiling() {
    }

    static <T> T around(String name, Callable<T> run) throws Exception {
        if (PREFIX == null) {
            return run.call();
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            T result = run.call();
            recording.stop();
            recording.dump(Path.of(PREFIX + "-" + name + ".jfr"));
            return result;
        }
    }
}
