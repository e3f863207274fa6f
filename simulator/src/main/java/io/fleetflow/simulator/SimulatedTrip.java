package io.fleetflow.simulator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One generated trip: evenly spaced samples of speed (km/h), longitudinal g (forward positive) and
 * lateral g (left positive), plus the harsh manoeuvres planted in it.
 */
public record SimulatedTrip(
        UUID vehicleId,
        UUID driverId,
        DrivingStyle style,
        Instant startedAt,
        int sampleRateHz,
        float[] speedKmh,
        float[] gLong,
        float[] gLat,
        List<PlantedEvent> plantedEvents) {

    /** A harsh manoeuvre the generator put into the trip. Times in ms since the trip's start. */
    public record PlantedEvent(Kind kind, long startMs, long endMs, double peakG) {
        public enum Kind {
            HARSH_BRAKING,
            RAPID_ACCELERATION,
            HARSH_CORNERING,
            /** A collision; {@code peakG} is the impulse's peak horizontal magnitude. */
            CRASH
        }
    }

    /** The same trip, started at {@code start} (e.g. so that it ends now). */
    public SimulatedTrip withStartedAt(Instant start) {
        return new SimulatedTrip(
                vehicleId,
                driverId,
                style,
                start,
                sampleRateHz,
                speedKmh,
                gLong,
                gLat,
                plantedEvents);
    }

    public int sampleCount() {
        return speedKmh.length;
    }

    public double durationSeconds() {
        return (double) speedKmh.length / sampleRateHz;
    }
}
