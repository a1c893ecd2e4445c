package io.journeyflow.local;

import io.journeyflow.core.definition.CompilationResult;
import io.journeyflow.core.definition.DefinitionError;
import io.journeyflow.core.definition.JourneyCompiler;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A folder of journey documents ({@code *.yaml}, {@code *.yml}, {@code *.json}), read and checked before use. */
public final class JourneyDirectory {

    private JourneyDirectory() {}

    /** File name to document text, in file name order. */
    public static Map<String, String> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(JourneyDirectory::isJourneyFile).sorted().toList();
        }
        Map<String, String> documents = new LinkedHashMap<>();
        for (Path file : files) {
            documents.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        return documents;
    }

    /**
     * The documents of a folder on the class path, such as the bundled samples ({@code /journeys}), whether the
     * classes run from a directory or from a jar.
     */
    public static Map<String, String> readResource(String folder) throws IOException {
        URL url = JourneyDirectory.class.getResource(folder);
        if (url == null) {
            throw new IOException("no folder " + folder + " on the class path");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return read(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return read(jar.provider().getPath(uri));
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate " + folder + ": " + url, e);
        }
    }

    /**
     * Every problem with the folder, each prefixed with its file: unreadable folder, no documents, invalid documents,
     * and two documents declaring the same journey id. Empty when every journey can be deployed.
     */
    public static List<String> validate(Path dir) {
        Map<String, String> documents;
        try {
            documents = read(dir);
        } catch (IOException e) {
            return List.of(dir + ": cannot read journeys: " + e.getMessage());
        }
        if (documents.isEmpty()) {
            return List.of(dir + ": no journey documents (*.yaml, *.yml, *.json)");
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> declaredIn = new HashMap<>();
        JourneyCompiler compiler = new JourneyCompiler();
        documents.forEach((file, text) -> {
            CompilationResult result = compiler.compile(text);
            for (DefinitionError error : result.errors()) {
                problems.add(file + ": " + error);
            }
            String earlier = result.journeyId() == null ? null : declaredIn.putIfAbsent(result.journeyId(), file);
            if (earlier != null) {
                problems.add(file + ": journey '" + result.journeyId() + "' is already declared in " + earlier);
            }
        });
        return problems;
    }

    private static boolean isJourneyFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }
}
