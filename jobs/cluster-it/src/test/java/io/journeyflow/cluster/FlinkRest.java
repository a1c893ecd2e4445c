package io.journeyflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Questions to the JobManager's REST API, the one behind the web UI. */
final class FlinkRest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlinkRest() {
    }

    /** The savepoint or checkpoint the job was started from, as Flink reports it ("" when none). */
    static String restoredFrom(int restPort, String jobId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + restPort + "/jobs/" + jobId + "/checkpoints"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode checkpoints = JSON.readTree(response.body());
        return checkpoints.path("latest").path("restored").path("external_path").asText("");
    }
}
