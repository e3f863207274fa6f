package io.fleetflow.simulator;

import java.time.Duration;
import java.util.Locale;

/**
 * A load to put on the gateway: how many vehicles, trips each, how trips look, and how many
 * requests are in flight at once. S, M and L are the benchmarks' fixed sizes.
 *
 * @param name label in reports
 * @param vehicles fleet size
 * @param tripsPerVehicle trips each vehicle posts
 * @param trips shape of every trip
 * @param concurrency requests in flight at once
 */
public record LoadProfile(
        String name, int vehicles, int tripsPerVehicle, TripSettings trips, int concurrency) {

    /** 50 trips of 1–3 min at 10 Hz, 4 in flight: a quick smoke load. */
    public static final LoadProfile S =
            new LoadProfile(
                    "S",
                    10,
                    5,
                    TripSettings.DEFAULTS.withDuration(
                            Duration.ofMinutes(1), Duration.ofMinutes(3)),
                    4);

    /** 500 trips of 2–5 min at 50 Hz, 8 in flight. */
    public static final LoadProfile M =
            new LoadProfile(
                    "M",
                    50,
                    10,
                    TripSettings.DEFAULTS
                            .withSampleRate(50)
                            .withDuration(Duration.ofMinutes(2), Duration.ofMinutes(5)),
                    8);

    /** 2,000 trips of 5–10 min at 50 Hz, 16 in flight. */
    public static final LoadProfile L =
            new LoadProfile(
                    "L",
                    200,
                    10,
                    TripSettings.DEFAULTS
                            .withSampleRate(50)
                            .withDuration(Duration.ofMinutes(5), Duration.ofMinutes(10)),
                    16);

    public LoadProfile {
        if (vehicles < 1 || tripsPerVehicle < 1 || concurrency < 1) {
            throw new IllegalArgumentException(
                    "vehicles, trips per vehicle and concurrency must be positive");
        }
    }

    public static LoadProfile named(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "S" -> S;
            case "M" -> M;
            case "L" -> L;
            default ->
                    throw new IllegalArgumentException(
                            "unknown load profile " + name + " (S, M or L)");
        };
    }

    public int totalTrips() {
        return vehicles * tripsPerVehicle;
    }
}
