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

    /**
     * The job's latest restored and completed checkpoints, from one answer. The JobManager caches that answer for a few
     * seconds ({@code web.refresh-interval}), so a count read just before a fault can already be stale: only a
     * checkpoint triggered after a given instant proves progress since then.
     */
    CheckpointProgress checkpointProgress() {
        JsonNode latest = checkpoints().path("latest");
        return new CheckpointProgress(latest.path("restored").path("id").asLong(-1),
                latest.path("completed").path("trigger_timestamp").asLong(-1));
    }

    /**
     * @param restoredId the checkpoint the job last restored, -1 when none
     * @param completedTriggeredAt when the latest completed checkpoint was triggered (epoch ms), -1 when none
     */
    record CheckpointProgress(long restoredId, long completedTriggeredAt) {

        boolean completedOneTriggeredAfter(long epochMillis) {
            return completedTriggeredAt > epochMillis;
        }
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
