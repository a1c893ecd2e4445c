package io.journeyflow.bench.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Bytes of files under a folder, as the state backends and checkpoints leave them on disk. */
public final class DiskUsage {

    private static final int ATTEMPTS = 5;

    private DiskUsage() {
    }

    /** Every regular file under {@code folder}; 0 when there is no such folder. */
    public static long bytes(Path folder) {
        return bytes(folder, "");
    }

    /**
     * Regular files under {@code folder} whose name ends with {@code suffix} (RocksDB's tables: ".sst"). RocksDB
     * compacts while it is measured, so a walk that meets a file or folder removed under it starts again.
     */
    public static long bytes(Path folder, String suffix) {
        for (int attempt = 1; ; attempt++) {
            try {
                return walk(folder, suffix);
            } catch (IOException | UncheckedIOException changedUnderfoot) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("could not measure " + folder + ": " + changedUnderfoot);
                }
            }
        }
    }

    private static long walk(Path folder, String suffix) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(suffix)) {
                    total += Files.size(file);
                }
            }
        }
        return total;
    }
}
