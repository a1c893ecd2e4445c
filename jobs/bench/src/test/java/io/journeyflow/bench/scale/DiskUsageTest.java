package io.journeyflow.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageTest {

    @Test
    void countsFilesInNestedFoldersAndFiltersBySuffix(@TempDir Path dir) throws Exception {
        Files.write(Files.createDirectories(dir.resolve("db/a")).resolve("000012.sst"), new byte[300]);
        Files.write(dir.resolve("db/000013.sst"), new byte[200]);
        Files.write(dir.resolve("db/MANIFEST-000001"), new byte[50]);

        assertThat(DiskUsage.bytes(dir)).isEqualTo(550);
        assertThat(DiskUsage.bytes(dir, ".sst")).isEqualTo(500);
        assertThat(DiskUsage.bytes(dir.resolve("absent"))).isZero();
    }
}
