package io.fleetflow.testing;

import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Generates trip bodies whose scoring truth is known by construction: a calm baseline with a chosen
 * number of hard-braking and rapid-acceleration manoeuvres, each 1.0 to 2.7 s at 0.5 to 0.9 g,
 * separated by 3 to 7 s of calm driving (under 0.35 g), so that any sound detector finds exactly
 * them (KnownTripsScoringTest checks the production model does). The speed is a constant 30 km/h,
 * as a device without GPS speed reports it: the manoeuvres are judged by the accelerometer alone (a
 * varying speed that ignored them would, rightly, make the model doubt them).
 */
public final class KnownTrips {

    /** A generated body and the counts any correct scorer must find in it. */
    public record KnownTrip(
            String json, UUID vehicleId, UUID driverId, int brakingEvents, int accelEvents) {
        public int expectedSkeletonScore() {
            return Math.max(0, 100 - 5 * (brakingEvents + accelEvents));
        }
    }

    private KnownTrips() {}

    public static KnownTrip generate(Random random, UUID vehicleId, UUID driverId) {
        int braking = random.nextInt(5);
        int accel = random.nextInt(4);
        StringBuilder data = new StringBuilder(8_192);
        int[] manoeuvres = new int[braking + accel];
        for (int i = 0; i < manoeuvres.length; i++) {
            manoeuvres[i] = i < braking ? -1 : 1;
        }
        shuffle(manoeuvres, random);
        double speed = 30;
        calm(data, random, 20 + random.nextInt(30), speed);
        for (int direction : manoeuvres) {
            // 1.0 to 2.7 s at 10 Hz: longer than any detector's minimum duration after smoothing.
            int length = 10 + random.nextInt(18);
            for (int i = 0; i < length; i++) {
                double g = direction * (0.5 + random.nextDouble() * 0.4);
                sample(data, speed, g, random.nextGaussian() * 0.05);
            }
            // 3 to 7 s apart: two manoeuvres are never close enough to be merged into one.
            calm(data, random, 30 + random.nextInt(40), speed);
        }
        String json =
                String.format(
                        Locale.ROOT,
                        "{\"vehicle_id\":\"%s\",\"driver_id\":\"%s\",\"timestamp\":\"2026-05-01T08:00:00Z\","
                                + "\"sample_rate_hz\":10,\"data\":[%s]}",
                        vehicleId,
                        driverId,
                        data);
        return new KnownTrip(json, vehicleId, driverId, braking, accel);
    }

    private static void calm(StringBuilder data, Random random, int samples, double speed) {
        for (int i = 0; i < samples; i++) {
            sample(data, speed, random.nextGaussian() * 0.08, random.nextGaussian() * 0.05);
        }
    }

    private static void sample(StringBuilder data, double speed, double gLong, double gLat) {
        if (data.length() > 0) {
            data.append(',');
        }
        double clampedLong = Math.max(-0.35, Math.min(0.35, gLong));
        double value = Math.abs(gLong) >= 0.5 ? gLong : clampedLong;
        data.append(
                String.format(
                        Locale.ROOT,
                        "{\"speed_kmh\":%.2f,\"g_force_long\":%.4f,\"g_force_lat\":%.4f}",
                        Math.max(0, speed),
                        value,
                        gLat));
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
