package io.fleetflow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetflow.scoring.eval.Label;
import io.fleetflow.simulator.SimulatedTrip.PlantedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A folder of labelled trips in the format of {@code shared/data/real}: trip bodies (as a device
 * posts them) and one {@code ground_truth.json} naming each trip's files and its labelled events.
 * The simulator writes its trips this way with the manoeuvres it planted as the labels, so the
 * evaluation command reads real and generated driving alike.
 */
public final class LabelledTrips {

    public static final String GROUND_TRUTH = "ground_truth.json";

    /** One trip: its payload files (the same drive at one or more rates) and its labels. */
    public record Trip(String id, List<Path> files, List<Label> labels) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledTrips() {}

    /** Reads {@code dir/ground_truth.json}. */
    public static List<Trip> read(Path dir) throws IOException {
        JsonNode truth = JSON.readTree(dir.resolve(GROUND_TRUTH).toFile());
        List<Trip> trips = new ArrayList<>();
        truth.get("trips")
                .fields()
                .forEachRemaining(
                        e -> {
                            List<Path> files = new ArrayList<>();
                            e.getValue()
                                    .get("files")
                                    .forEach(f -> files.add(dir.resolve(f.asText())));
                            List<Label> labels = new ArrayList<>();
                            for (JsonNode l : e.getValue().get("events")) {
                                labels.add(
                                        new Label(
                                                l.get("type").asText(),
                                                l.get("start_ms").asLong(),
                                                l.get("end_ms").asLong()));
                            }
                            trips.add(new Trip(e.getKey(), files, labels));
                        });
        return trips;
    }

    /** Writes the trips' bodies and their planted manoeuvres as labels into {@code dir}. */
    public static void write(Path dir, List<SimulatedTrip> trips, long seed) throws IOException {
        Files.createDirectories(dir);
        ObjectNode truth = JSON.createObjectNode();
        truth.put("dataset", "FleetFlow simulator, seed " + seed);
        truth.put(
                "time_reference",
                "start_ms/end_ms are ms since the trip's timestamp (its first sample)");
        truth.put("g_force_lat_sign", "left-positive (ISO 8855)");
        ObjectNode byId = truth.putObject("trips");
        for (int i = 0; i < trips.size(); i++) {
            SimulatedTrip trip = trips.get(i);
            String file =
                    String.format(Locale.ROOT, "trip_%d_%dhz.json", i + 1, trip.sampleRateHz());
            Files.write(dir.resolve(file), TripJson.toBody(trip));
            ObjectNode entry = byId.putObject(String.valueOf(i + 1));
            entry.putArray("files").add(file);
            entry.put("vehicle_id", trip.vehicleId().toString());
            entry.put("driver_id", trip.driverId().toString());
            entry.put("timestamp", trip.startedAt().toString());
            entry.put("duration_s", trip.durationSeconds());
            ArrayNode events = entry.putArray("events");
            for (PlantedEvent e : trip.plantedEvents()) {
                ObjectNode event = events.addObject();
                event.put("type", labelType(e.kind()));
                event.put("start_ms", e.startMs());
                event.put("end_ms", e.endMs());
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(GROUND_TRUTH).toFile(), truth);
    }

    /** The label a planted manoeuvre gets, in the real data's vocabulary. */
    static String labelType(PlantedEvent.Kind kind) {
        return switch (kind) {
            case HARSH_BRAKING -> "harsh_braking";
            case RAPID_ACCELERATION -> "harsh_acceleration";
            case HARSH_CORNERING -> "harsh_cornering";
            case CRASH -> "crash";
        };
    }
}
