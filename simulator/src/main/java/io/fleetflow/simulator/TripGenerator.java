package io.fleetflow.simulator;

import io.fleetflow.simulator.SimulatedTrip.PlantedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates physically consistent trips: the speed is the integral of the longitudinal
 * acceleration, turns produce lateral g of v²/r, and the trip is a sequence of stops, launches,
 * cruising, turns and harsh manoeuvres planted at a Poisson rate. The same seed gives the same
 * trip, sample for sample.
 */
public final class TripGenerator {

    /** The vehicle dynamics are integrated at least this often, whatever the sample rate. */
    static final int MIN_PHYSICS_RATE_HZ = 100;

    /** Standard deviation of the accelerometer noise. Value in g. */
    static final double SENSOR_NOISE_G = 0.012;

    private final TripSettings settings;

    public TripGenerator(TripSettings settings) {
        this.settings = settings;
    }

    /** One trip of {@code style}, fully determined by {@code seed}. */
    public SimulatedTrip generate(
            long seed, UUID vehicleId, UUID driverId, DrivingStyle style, Instant startedAt) {
        SplittableRandom random = new SplittableRandom(seed);
        long minMs = settings.minDuration().toMillis();
        long maxMs = settings.maxDuration().toMillis();
        long durationMs = minMs + (maxMs > minMs ? random.nextLong(maxMs - minMs + 1) : 0);
        int rate = settings.sampleRateHz();
        int samples = (int) Math.max(2, durationMs * rate / 1000);
        int stepsPerSample = Math.max(1, (MIN_PHYSICS_RATE_HZ + rate - 1) / rate);
        double dt = 1.0 / ((double) rate * stepsPerSample);

        // Drawn for every trip, so that the crash share changes nothing else about a trip.
        double crashDraw = random.nextDouble();
        double crashAtS =
                crashDraw < settings.crashShare()
                        ? durationMs / 1000.0 * (0.2 + 0.6 * crashDraw / settings.crashShare())
                        : Double.POSITIVE_INFINITY;
        ManoeuvrePlanner planner =
                new ManoeuvrePlanner(style, settings.eventRateFor(style), crashAtS, random.split());
        SplittableRandom noise = random.split();
        float[] speed = new float[samples];
        float[] gLong = new float[samples];
        float[] gLat = new float[samples];
        for (int i = 0; i < samples; i++) {
            // Like an accelerometer's anti-aliasing filter, a sample is the mean over its period.
            double sumLong = 0;
            double sumLat = 0;
            for (int s = 0; s < stepsPerSample; s++) {
                planner.step(dt, i == samples - 1 ? 0 : remainingSeconds(samples - i, rate));
                sumLong += planner.longitudinalG();
                sumLat += planner.lateralG();
            }
            speed[i] = (float) (planner.speedMs() * 3.6);
            gLong[i] = (float) (sumLong / stepsPerSample + gaussian(noise) * SENSOR_NOISE_G);
            gLat[i] = (float) (sumLat / stepsPerSample + gaussian(noise) * SENSOR_NOISE_G);
        }
        List<PlantedEvent> events = new ArrayList<>(planner.plantedEvents());
        return new SimulatedTrip(
                vehicleId, driverId, style, startedAt, rate, speed, gLong, gLat, events);
    }

    private static double remainingSeconds(int samplesLeft, int rate) {
        return (double) samplesLeft / rate;
    }

    /** Box–Muller on a {@link SplittableRandom}, which has no {@code nextGaussian} on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
