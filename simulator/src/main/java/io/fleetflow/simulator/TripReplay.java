package io.fleetflow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays recorded trips, such as {@code ../shared/data/real/*.json}: each file is one {@code POST
 * /api/v1/telemetry} body and is sent as it is, {@code repeat} times.
 */
public final class TripReplay {

    private final TelemetryClient client;

    public TripReplay(TelemetryClient client) {
        this.client = client;
    }

    /** One answer per post, in order. */
    public List<TelemetryClient.Answer> replay(List<Path> files, int repeat, ProgressBar progress)
            throws IOException, InterruptedException {
        List<byte[]> bodies = new ArrayList<>();
        for (Path file : files) {
            bodies.add(checkedBody(file));
        }
        List<TelemetryClient.Answer> answers = new ArrayList<>();
        long failed = 0;
        for (int r = 0; r < repeat; r++) {
            for (byte[] body : bodies) {
                TelemetryClient.Answer answer = client.post(body);
                answers.add(answer);
                failed += answer.accepted() ? 0 : 1;
                if (progress != null) {
                    progress.update(answers.size(), failed);
                }
            }
        }
        return answers;
    }

    /** Reads a recorded trip, refusing a file that is not a trip body before anything is sent. */
    static byte[] checkedBody(Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        JsonNode root = new ObjectMapper().readTree(body);
        if (root == null || !root.isObject() || !root.path("data").isArray()) {
            throw new IOException(file + " is not a trip body: it needs a \"data\" array");
        }
        return body;
    }
}
