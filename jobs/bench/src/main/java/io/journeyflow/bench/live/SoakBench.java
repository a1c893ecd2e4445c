package io.journeyflow.bench.live;

import io.journeyflow.job.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live job at a steady load for a while, looked at every so often ({@link SoakSample}): does its heap or its
 * state keep growing, do checkpoints fail? Runs the sample journeys and policy, RocksDB state, exactly-once, as in
 * production, on a MiniCluster in this JVM (so heap figures include the in-process broker, which is steady).
 *
 * <p>Arguments: minutes, rate (events/s), seconds between samples, customers, report file.
 */
public final class SoakBench {

    private SoakBench() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = Integer.parseInt(args[0]);
        double rate = Double.parseDouble(args[1]);
        int every = Integer.parseInt(args[2]);
        int customers = Integer.parseInt(args[3]);
        Path report = Path.of(args[4]);
        String header = String.format(Locale.ROOT, "%s, load average %s: %d minutes at %,.0f events/s, %,d customers, "
                        + "sample journeys and policy, RocksDB state, exactly-once, checkpoints every 10 s",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Files.readString(Path.of("/proc/loadavg")).strip(),
                minutes, rate, customers);
        System.out.println("# " + header);
        List<SoakSample> samples = new ArrayList<>();
        long fedUntil = 0;
        long refusedWhileStarting;
        try (LiveRig rig = LiveRig.start(JobConfig.builder()
                .journeysDir(Path.of("jobs/local/src/main/resources/journeys"))
                .policies(Path.of("jobs/local/src/main/resources/policies/contact-policy.yaml"))
                .stateBackend(JobConfig.StateBackendKind.ROCKSDB).checkpointInterval(Duration.ofSeconds(10)),
                Duration.ofMillis(100), null)) {
            refusedWhileStarting = rig.checkpointsFailedWhileStarting();
            long started = System.nanoTime();
            Thread feed = rig.feed(customers, 3650, (long) (rate * minutes * 60), rate);
            for (long next = every; next <= minutes * 60L; next += every) {
                Thread.sleep(Math.max(0, started / 1_000_000 + next * 1000 - System.nanoTime() / 1_000_000));
                if (!feed.isAlive() && fedUntil == 0) {
                    fedUntil = next;
                }
                SoakSample sample = SoakSample.take(next, rig);
                samples.add(sample);
                System.out.println(SoakReport.row(sample));
            }
            feed.interrupt();
        }
        String text = SoakReport.markdown(header, samples, refusedWhileStarting);
        if (fedUntil > 0) {
            // The generator stops at the end of its period (too few customers for the rate), or when it fails.
            text += String.format(Locale.ROOT, "%nThe load ended early: the generator had stopped by %d s of %d "
                    + "(out of events: give more customers for this rate; or failed: see its error above). This is not "
                    + "a soak at the rate asked for.%n", fedUntil, minutes * 60);
        }
        Files.writeString(report, text);
        System.out.print(text);
        // Client and cluster threads that outlive a cancelled job must not keep the benchmark alive.
        System.exit(0);
    }
}
