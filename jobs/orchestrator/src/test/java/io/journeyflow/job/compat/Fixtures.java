package io.journeyflow.job.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compatibility fixtures: one folder per release under {@code savepoints/} in the test resources, each holding
 * the savepoint (in {@value #SAVEPOINT}) and the {@link SourcePositions} it resumes from.
 */
public final class Fixtures {

    public static final String SAVEPOINT = "savepoint";

    private Fixtures() {
    }

    /** The release names of every fixture on the test class path, oldest first by name. */
    public static List<String> releases() {
        try (Stream<Path> folders = Files.list(root())) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path folder(String release) {
        return root().resolve(release);
    }

    private static Path root() {
        URL root = Fixtures.class.getResource("/savepoints");
        if (root == null) {
            throw new IllegalStateException("no savepoints folder in the test resources");
        }
        try {
            return Path.of(root.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a folder tree; the target must not exist yet. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    /** Bytes in all files of a folder tree. */
    public static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
