package io.journeyflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Questions about one job to the JobManager's REST API, the one behind the web UI. */
final class FlinkRest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int restPort;
    private final String jobId;

    FlinkRest(int restPort, String jobId) {
        this.restPort = restPort;
        this.jobId = jobId;
    }

    /** The savepoint or checkpoint the job was last started from, as Flink reports it ("" when none). */
    String restoredFrom() {
        return checkpoints().path("latest").path("restored").path("external_path").asText("");
    }

    /** The id of the checkpoint the job last restored (after a failure or from a savepoint), -1 when none. */
    long restoredCheckpointId() {
        return checkpoints().path("latest").path("restored").path("id").asLong(-1);
    }

    /** Checkpoints completed since the job was submitted, across its restarts. */
    long completedCheckpoints() {
        return checkpoints().path("counts").path("completed").asLong();
    }

    /**
     * The failures the job went through, from its exception history: each one restarted it (a job that is still
     * running came back from all of them).
     */
    int failures() {
        return get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries").size();
    }

    private JsonNode checkpoints() {
        return get("/jobs/" + jobId + "/checkpoints");
    }

    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + request.uri() + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + request.uri(), e);
        }
    }
}
