package io.fleetflow.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.ingest.ReadResult;
import io.fleetflow.model.ingest.TripPayloadReader;
import io.fleetflow.scoring.eval.Label;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real labelled recording in {@code shared/data/real} (jair-jr/driverBehaviorDataset): its
 * payload files and human labels. Found through {@code FLEETFLOW_REAL_DATA_DIR}, else by walking up
 * from the working directory until a {@code shared/data/real} directory appears.
 */
final class RealTrip {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealTrip() {}

    /** The data directory; throws (so the test fails, not skips) when it cannot be found. */
    static Path dataDir() {
        String fromEnv = System.getenv("FLEETFLOW_REAL_DATA_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return requireDir(Path.of(fromEnv));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/real");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "real data not found: set FLEETFLOW_REAL_DATA_DIR or put shared/data/real next to"
                        + " a parent of "
                        + Path.of("").toAbsolutePath());
    }

    private static Path requireDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("FLEETFLOW_REAL_DATA_DIR is not a directory: " + dir);
        }
        return dir;
    }

    static JsonNode groundTruth() throws IOException {
        return JSON.readTree(dataDir().resolve("ground_truth.json").toFile());
    }

    static List<Label> labels(JsonNode trip) {
        List<Label> labels = new ArrayList<>();
        for (JsonNode e : trip.get("events")) {
            labels.add(
                    new Label(
                            e.get("type").asText(),
                            e.get("start_ms").asLong(),
                            e.get("end_ms").asLong()));
        }
        return labels;
    }

    /** Reads a payload file through the same validating reader the gateway uses. */
    static TripSamples samples(String fileName) throws IOException {
        try (InputStream in = Files.newInputStream(dataDir().resolve(fileName))) {
            ReadResult result = new TripPayloadReader().read(in);
            if (!result.isValid()) {
                throw new IllegalStateException(fileName + " is not a valid payload: " + result);
            }
            return result.payload().samples();
        }
    }
}
