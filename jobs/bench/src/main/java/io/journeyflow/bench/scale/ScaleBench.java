package io.journeyflow.bench.scale;

import io.journeyflow.bench.BenchWorkload;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.execution.SavepointFormatType;

/**
 * Millions of idle customers on the real workflow with RocksDB: every customer enters a journey that waits 30 days,
 * then a small mix of everyday events arrives. Measures state per customer (full checkpoint, RocksDB's tables, a
 * canonical and a native savepoint), checkpoint and savepoint durations, throughput and memory, and prints them as one
 * {@link Measurements} line plus the savepoints' paths (for {@code journeyctl state funnel}).
 *
 * <p>Usage: {@code ScaleBench WORK_DIR CUSTOMERS [JOURNEYS] [MIXED_EVENTS]}
 */
public final class ScaleBench {

    private static final int PARALLELISM = 2;
    private static final long PROGRESS_EVERY_NS = 10_000_000_000L;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ScaleBench WORK_DIR CUSTOMERS [JOURNEYS] [MIXED_EVENTS]");
            System.exit(2);
        }
        Path work = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        int customers = Integer.parseInt(args[1]);
        int journeys = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int mixed = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(10_000, Math.min(customers / 100, 200_000));
        Measurements measured = new Measurements().put("customers", customers).put("journeys", journeys)
                .put("mixed_events", mixed);
        ScaleFeed.followWith(BenchWorkload.events(customers, mixed, 1, 42L));
        Path rocksdb = work.resolve("rocksdb");
        try (ScaleCluster cluster = new ScaleCluster(PARALLELISM, MemorySize.ofMebiBytes(1024), rocksdb)) {
            cluster.run(ScaleJob.graph(customers, journeys, PARALLELISM, work));

            double loadSeconds = feed(cluster, customers, "load");
            measured.put("load_events_per_s", customers / loadSeconds);
            ScaleCluster.Checkpoint afterLoad = cluster.checkpoint();
            measured.put("checkpoint1_ms", afterLoad.durationMs()).put("checkpoint1_bytes", afterLoad.fullBytes());

            double mixedSeconds = feed(cluster, (long) customers + mixed, "mixed events");
            measured.put("mixed_events_per_s", mixed / mixedSeconds);
            ScaleCluster.Checkpoint afterMixed = cluster.checkpoint();
            measured.put("checkpoint2_ms", afterMixed.durationMs())
                    .put("checkpoint2_uploaded_bytes", afterMixed.uploadedBytes())
                    .put("checkpoint2_full_bytes", afterMixed.fullBytes())
                    .put("rocksdb_sst_bytes", DiskUsage.bytes(rocksdb, ".sst"));
            measureMemory(measured);

            savepoint(cluster, work, SavepointFormatType.CANONICAL, "savepoint", measured);
            savepoint(cluster, work, SavepointFormatType.NATIVE, "native_savepoint", measured);
        }
        perCustomer(measured, "checkpoint2_full_bytes");
        perCustomer(measured, "rocksdb_sst_bytes");
        perCustomer(measured, "savepoint_bytes");
        perCustomer(measured, "native_savepoint_bytes");
        System.out.println(measured.toLine());
    }

    /** Prints the path as "<name> PATH" for the script, which runs the funnel over it. */
    private static void savepoint(ScaleCluster cluster, Path work, SavepointFormatType format, String name,
                                  Measurements measured) throws Exception {
        long start = System.nanoTime();
        String path = cluster.savepoint(work.resolve(name + "s"), format);
        measured.put(name + "_ms", (System.nanoTime() - start) / 1e6)
                .put(name + "_bytes", DiskUsage.bytes(Path.of(URI.create(path))));
        System.out.println(name + " " + path);
    }

    /** Lets the source emit up to {@code total} events in all and returns the seconds until it has. */
    private static double feed(ScaleCluster cluster, long total, String phase) throws Exception {
        long start = System.nanoTime();
        long lastReport = start;
        EventGate.SHARED.raiseTo(total);
        while (ScaleFeed.generated() < total) {
            cluster.checkAlive();
            Thread.sleep(50);
            if (System.nanoTime() - lastReport > PROGRESS_EVERY_NS) {
                lastReport = System.nanoTime();
                System.err.printf("%s: %,d of %,d events (%.0f s)%n", phase, ScaleFeed.generated(), total,
                        (lastReport - start) / 1e9);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Heap after a full collection (what stays live: the job's objects, not garbage awaiting collection) and the
     * process's resident memory, which includes RocksDB's native memory.
     */
    private static void measureMemory(Measurements measured) throws IOException {
        System.gc();
        measured.put("heap_used_bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    measured.put("rss_bytes", 1024 * Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        }
    }

    private static void perCustomer(Measurements measured, String bytesKey) {
        measured.put(bytesKey.replace("_bytes", "") + "_bytes_per_customer",
                measured.get(bytesKey) / measured.get("customers"));
    }
}
