package io.fleetflow.gateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The scoring job's state as the Flink REST API reports it ({@code GET /jobs/overview}): the state
 * of the newest job with the scoring job's name, {@code NOT_RUNNING} when there is none, {@code
 * UNREACHABLE} when the REST API does not answer.
 */
public final class FlinkJobStatus {

    public static final String UNREACHABLE = "UNREACHABLE";
    public static final String NOT_RUNNING = "NOT_RUNNING";

    /** What the pipeline view shows; ids and name are {@code null} without a job. */
    public record State(String state, String jobId, String jobName, String webUiUrl) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String restUrl;
    private final String webUiUrl;
    private final String jobName;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public FlinkJobStatus(String restUrl, String webUiUrl, String jobName) {
        this.restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        this.webUiUrl = webUiUrl;
        this.jobName = jobName;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    public State current() {
        try {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(restUrl + "/jobs/overview"))
                                    .timeout(TIMEOUT)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new State(UNREACHABLE, null, null, webUiUrl);
            }
            return pick(json.readTree(response.body()), jobName, webUiUrl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new State(UNREACHABLE, null, null, webUiUrl);
        } catch (Exception e) {
            return new State(UNREACHABLE, null, null, webUiUrl);
        }
    }

    /** The newest job (by start time) named {@code jobName} in a {@code /jobs/overview} answer. */
    static State pick(JsonNode overview, String jobName, String webUiUrl) {
        JsonNode newest = null;
        for (JsonNode job : overview.path("jobs")) {
            if (jobName.equals(job.path("name").asText())
                    && (newest == null
                            || job.path("start-time").asLong()
                                    > newest.path("start-time").asLong())) {
                newest = job;
            }
        }
        if (newest == null) {
            return new State(NOT_RUNNING, null, null, webUiUrl);
        }
        return new State(
                newest.path("state").asText(),
                newest.path("jid").asText(),
                newest.path("name").asText(),
                webUiUrl);
    }
}
