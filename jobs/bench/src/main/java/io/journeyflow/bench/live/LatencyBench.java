package io.journeyflow.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyflow.job.JobConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Event-to-action latency of the live job at a given load: the generator stamps each event with the wall clock as it
 * sends it, the job runs the sample journeys and policy plus a probe journey that acts the moment its entry event
 * arrives (no wait, transactional, so no cap or quiet hour defers it), and a consumer measures now - decided_at for
 * every action it reads. The orchestrator acts on each event as it arrives (the watermark only drives timers), so
 * the probe's latency is the pipeline's: Kafka in, decode, keyed state, policies, encode, Kafka out, and with
 * exactly-once the wait for the checkpoint that commits the transaction.
 *
 * <p>Arguments: rate (events/s), seconds measured, at_least_once | exactly_once, checkpoint interval (ms), network
 * buffer timeout (ms), customers, state backend (hashmap | rocksdb), seconds of warm-up before the measured ones
 * (default 20; near the rig's limit a cold JIT builds a backlog that a short warm-up leaves in the measurement),
 * customer cache per subtask with RocksDB (default the job's: each checkpoint writes its changed customers), seconds
 * between materializations of a state changelog ({@link StateChangelog}, as flink-conf/ has it ready; default 0: no
 * changelog), how many cached customers may stay changed (the job's {@code --customer-cache-changed}; default the
 * job's).
 */
public final class LatencyBench {

    static final String PROBE = "latency-probe/notify";

    private LatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        DeliveryGuarantee guarantee = DeliveryGuarantee.valueOf(
                (args.length > 2 ? args[2] : "at_least_once").toUpperCase(Locale.ROOT));
        Duration checkpoints = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 2000);
        Duration bufferTimeout = Duration.ofMillis(args.length > 4 ? Long.parseLong(args[4]) : 10);
        int customers = args.length > 5 ? Integer.parseInt(args[5]) : 100_000;
        JobConfig.StateBackendKind backend = JobConfig.StateBackendKind.valueOf(
                (args.length > 6 ? args[6] : "hashmap").toUpperCase(Locale.ROOT));
        Duration warmUp = Duration.ofSeconds(args.length > 7 ? Long.parseLong(args[7]) : 20);
        int customerCache = args.length > 8 && !args[8].isEmpty() ? Integer.parseInt(args[8])
                : JobConfig.defaults().customerCache();
        long materializeEvery = args.length > 9 ? Long.parseLong(args[9]) : 0;
        int changedCustomers = args.length > 10 && !args[10].isEmpty() ? Integer.parseInt(args[10])
                : JobConfig.defaults().customerCacheChanged();
        System.out.printf("# %s, load average %s; %,.0f events/s for %d s after %d s of warm-up, %s, checkpoints "
                        + "every %d ms, buffer timeout %d ms, %s state, customer cache %,d (changed at most %,d; "
                        + "0: any), %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Files.readString(Path.of("/proc/loadavg")).strip(), rate, seconds, warmUp.toSeconds(), guarantee,
                checkpoints.toMillis(), bufferTimeout.toMillis(), backend, customerCache, changedCustomers,
                materializeEvery > 0 ? "state changelog materialized every " + materializeEvery + " s"
                        : "no state changelog");
        Path journeys = ProbeJourneys.folder();
        try (LiveRig rig = LiveRig.start(JobConfig.builder().journeysDir(journeys)
                .policies(Path.of("jobs/local/src/main/resources/policies/contact-policy.yaml"))
                .deliveryGuarantee(guarantee).checkpointInterval(checkpoints).stateBackend(backend)
                .customerCache(customerCache).customerCacheChanged(changedCustomers), bufferTimeout,
                materializeEvery > 0 ? Duration.ofSeconds(materializeEvery) : null)) {
            long from = System.currentTimeMillis() + warmUp.toMillis();
            Thread feed = rig.feed(customers, 365, (long) (rate * (warmUp.toSeconds() + seconds)), rate);
            long[] fedAt = {Long.MAX_VALUE};
            String[] checkpointsUnderLoad = {""};
            ActionLatencies latencies = new ActionLatencies();
            // After the last event, wait long enough for its action's transaction to be committed, then stop. The
            // checkpoints are read as the load ends: the ones after it, on an idle job, are faster.
            long grace = checkpoints.toMillis() * 2 + 3000;
            latencies.read(rig.bootstrapServers(), rig.config().actionTopics(), from, () -> {
                if (!feed.isAlive() && fedAt[0] == Long.MAX_VALUE) {
                    fedAt[0] = System.currentTimeMillis();
                    checkpointsUnderLoad[0] = checkpointSummary(rig);
                }
                return fedAt[0] != Long.MAX_VALUE && System.currentTimeMillis() > fedAt[0] + grace;
            });
            print(latencies.percentiles(), guarantee, checkpoints, checkpointsUnderLoad[0]);
        }
    }

    /** The checkpoints so far, from the REST API: with exactly-once, each one's duration adds to latency. */
    private static String checkpointSummary(LiveRig rig) {
        try {
            return checkpointTables(rig);
        } catch (Exception e) {
            return "- checkpoints: the REST API did not answer: " + e;
        }
    }

    private static String checkpointTables(LiveRig rig) throws Exception {
        JsonNode checkpoints = RestJson.get(URI.create(rig.jobUri() + "/checkpoints"));
        JsonNode duration = checkpoints.path("summary").path("end_to_end_duration");
        return String.format(Locale.ROOT, "- checkpoints: %d completed, %d failed; end to end p50 %d ms, p99 %d ms, "
                        + "max %d ms; %.1f MB each (p50)", checkpoints.path("counts").path("completed").asLong(),
                checkpoints.path("counts").path("failed").asLong(), duration.path("p50").asLong(),
                duration.path("p99").asLong(), duration.path("max").asLong(),
                checkpoints.path("summary").path("checkpointed_size").path("p50").asDouble() / 1e6)
                + latestFailure(checkpoints.path("latest").path("failed"))
                + latestByTask(rig, checkpoints.path("latest").path("completed").path("id").asLong());
    }

    /** Why the latest failed checkpoint failed: a failure while the job starts differs from one under load. */
    private static String latestFailure(JsonNode failed) {
        if (failed.isMissingNode() || failed.isNull()) {
            return "";
        }
        return String.format(Locale.ROOT, "%n- latest failed checkpoint: %d: %s", failed.path("id").asLong(),
                failed.path("failure_message").asText("no message"));
    }

    /** Where the latest completed checkpoint spent its time, task by task (the slowest subtask of each). */
    private static String latestByTask(LiveRig rig, long checkpoint) throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%n| checkpoint %d: task | end to end "
                + "ms | start delay ms | alignment ms | sync ms | async ms |%n|---|---:|---:|---:|---:|---:|",
                checkpoint));
        for (JsonNode vertex : RestJson.get(rig.jobUri()).path("vertices")) {
            JsonNode summary = RestJson.get(URI.create(rig.jobUri() + "/checkpoints/details/" + checkpoint
                    + "/subtasks/" + vertex.path("id").asText())).path("summary");
            table.append(String.format(Locale.ROOT, "%n| %s | %d | %d | %d | %d | %d |", vertex.path("name").asText(),
                    summary.path("end_to_end_duration").path("max").asLong(),
                    summary.path("start_delay").path("max").asLong(),
                    summary.path("alignment").path("duration").path("max").asLong(),
                    summary.path("checkpoint_duration").path("sync").path("max").asLong(),
                    summary.path("checkpoint_duration").path("async").path("max").asLong()));
        }
        return table.toString();
    }

    private static void print(Map<String, Percentiles> byStep, DeliveryGuarantee guarantee, Duration checkpoints,
            String checkpointSummary) {
        System.out.println("| action (journey/step) | actions | p50 ms | p99 ms | p99.9 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        byStep.forEach((step, p) -> System.out.printf(Locale.ROOT, "| %s | %,d | %d | %d | %d | %d |%n", step,
                p.count(), p.at(0.5), p.at(0.99), p.at(0.999), p.max()));
        Percentiles probe = byStep.get(PROBE);
        long target = guarantee == DeliveryGuarantee.AT_LEAST_ONCE ? 50 : checkpoints.toMillis() + 200;
        System.out.printf("- %s p99 %s ms, target < %d ms: %s%n", PROBE, probe == null ? "none" : probe.at(0.99),
                target, probe != null && probe.at(0.99) < target ? "met" : "target missed");
        System.out.println(checkpointSummary);
        // Client and cluster threads that outlive a cancelled job must not keep the benchmark alive.
        System.exit(0);
    }
}
