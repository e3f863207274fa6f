package io.fleetflow.job.bench;

import io.fleetflow.job.score.ScoredTrip;
import io.fleetflow.job.stats.DriverStats;
import io.fleetflow.job.stats.DriverStatsFunction;
import io.fleetflow.testing.Medians;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * Trips/s of the rolling driver statistics operator alone (operator test harness, heap state with
 * TTL as in the job), for drivers with many trips in their window. Not a test. Arguments: {@code
 * DRIVERS TRIPS_PER_DRIVER_PER_DAY DAYS ROUNDS}; each round is a fresh operator fed every trip in
 * start order, after three discarded warm-up rounds.
 */
public final class DriverStatsBenchmark {

    private static final long DAY = Duration.ofDays(1).toMillis();

    public static void main(String[] args) throws Exception {
        int drivers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perDay = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 90;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<ScoredTrip> trips = trips(drivers, perDay, days);
        System.out.printf(
                "%d drivers x %d trips a day x %d days = %d trips, window 30 days%n",
                drivers, perDay, days, trips.size());
        Supplier<KeyedProcessFunction<String, ScoredTrip, DriverStats>> function =
                () -> new DriverStatsFunction(30);
        List<Double> rates = new ArrayList<>();
        for (int round = -3; round < rounds; round++) {
            double rate = round(function, trips);
            if (round >= 0) {
                rates.add(rate);
                System.out.printf(Locale.ROOT, "round %d: %.0f trips/s%n", round + 1, rate);
            }
        }
        System.out.printf(Locale.ROOT, "median: %.0f trips/s%n", Medians.of(rates));
    }

    private static double round(
            Supplier<KeyedProcessFunction<String, ScoredTrip, DriverStats>> function,
            List<ScoredTrip> trips)
            throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, ScoredTrip, DriverStats> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(function.get()),
                        trip -> trip.driverId,
                        Types.STRING)) {
            harness.open();
            long t = System.nanoTime();
            int n = 0;
            for (ScoredTrip trip : trips) {
                harness.processElement(new StreamRecord<>(trip));
                if (++n % 10_000 == 0) {
                    harness.getOutput().clear(); // the harness keeps every output otherwise
                }
            }
            return trips.size() / ((System.nanoTime() - t) / 1e9);
        }
    }

    private static List<ScoredTrip> trips(int drivers, int perDay, int days) {
        Random random = new Random(7);
        List<ScoredTrip> trips = new ArrayList<>();
        long start = 1_777_622_400_000L;
        for (int i = 0; i < drivers * perDay * days; i++) {
            ScoredTrip t = new ScoredTrip();
            t.tripId = "trip-" + i;
            t.driverId = "driver-" + random.nextInt(drivers);
            t.vehicleId = t.driverId;
            // evenly spread over the days, in start order
            t.startedAtMs = start + (long) i * days * DAY / ((long) drivers * perDay * days);
            t.distanceKm = random.nextInt(400) / 10.0;
            t.durationS = t.distanceKm * 70;
            t.safetyScore = 60 + random.nextInt(41);
            t.harshBrakingCount = random.nextInt(3);
            t.speedingCount = random.nextInt(2);
            trips.add(t);
        }
        return trips;
    }
}
