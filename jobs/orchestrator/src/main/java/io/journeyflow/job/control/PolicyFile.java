package io.journeyflow.job.control;

import io.journeyflow.core.policy.PolicyReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The contact policy file, read and validated where the job is built: a bad policy stops the submission with every
 * problem listed, instead of failing every task manager at start. The text travels with the job graph.
 */
public final class PolicyFile {

    private PolicyFile() {
    }

    /** The file's text, checked; an empty text (the default policy) when {@code path} is {@code null}. */
    public static String read(Path path) {
        if (path == null) {
            return "";
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("policy file " + path + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + path, e);
        }
        try {
            PolicyReader.read(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        return text;
    }
}
