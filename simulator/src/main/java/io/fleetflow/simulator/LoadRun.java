package io.fleetflow.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts a {@link LoadProfile}'s trips as fast as its concurrency allows and measures the gateway:
 * accepted trips and samples per second, and request latency percentiles. Each worker generates its
 * next trip before timing the request, so generation is not counted in the latency (it is in the
 * wall time, and therefore in the throughput).
 */
public final class LoadRun {

    /** Time between the starts of two trips of one vehicle. */
    public static final Duration TRIP_SPACING = Duration.ofMinutes(15);

    private final LoadProfile profile;
    private final TelemetryClient client;
    private final long seed;
    private final Instant firstTripStart;

    public LoadRun(LoadProfile profile, TelemetryClient client, long seed, Instant firstTripStart) {
        this.profile = profile;
        this.client = client;
        this.seed = seed;
        this.firstTripStart = firstTripStart;
    }

    /** What a run measured. Latencies in ms; rates per second of wall time. */
    public record Result(
            String profile,
            long trips,
            long accepted,
            long failed,
            long samples,
            long bytes,
            double seconds,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            String firstFailure) {

        public double tripsPerSecond() {
            return accepted / seconds;
        }

        public double samplesPerSecond() {
            return samples / seconds;
        }

        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "profile %s: %d trips, %d accepted, %d failed in %.1f s; %.1f trips/s, %.0f"
                            + " samples/s, %.1f MB of JSON; latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms",
                    profile,
                    trips,
                    accepted,
                    failed,
                    seconds,
                    tripsPerSecond(),
                    samplesPerSecond(),
                    bytes / 1e6,
                    p50Ms,
                    p95Ms,
                    p99Ms);
        }
    }

    public Result run(ProgressBar progress) throws InterruptedException {
        Fleet fleet = Fleet.create(profile.vehicles(), seed);
        TripGenerator generator = new TripGenerator(profile.trips());
        int total = profile.totalTrips();
        long[] latencyNanos = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService workers = Executors.newFixedThreadPool(profile.concurrency());
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < profile.concurrency(); w++) {
            running.add(
                    workers.submit(
                            () -> {
                                int i;
                                while ((i = next.getAndIncrement()) < total) {
                                    Vehicle vehicle = fleet.vehicles().get(i % fleet.size());
                                    long tripNumber = i / fleet.size();
                                    SimulatedTrip trip =
                                            generator.generate(
                                                    vehicle.tripSeed(tripNumber),
                                                    vehicle.vehicleId(),
                                                    vehicle.driverId(),
                                                    vehicle.style(),
                                                    firstTripStart.plus(
                                                            TRIP_SPACING.multipliedBy(tripNumber)));
                                    byte[] body = TripJson.toBody(trip);
                                    long t0 = System.nanoTime();
                                    try {
                                        TelemetryClient.Answer answer = client.post(body);
                                        if (answer.accepted()) {
                                            accepted.incrementAndGet();
                                            samples.addAndGet(trip.sampleCount());
                                        } else {
                                            failed.incrementAndGet();
                                            firstFailure.compareAndSet(
                                                    null, answer.status() + " " + answer.body());
                                        }
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        return;
                                    } catch (Exception e) {
                                        failed.incrementAndGet();
                                        firstFailure.compareAndSet(null, e.toString());
                                    }
                                    latencyNanos[i] = System.nanoTime() - t0;
                                    bytes.addAndGet(body.length);
                                    if (progress != null) {
                                        progress.update(
                                                accepted.get() + failed.get(), failed.get());
                                    }
                                }
                            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a load worker failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new Result(
                profile.name(),
                total,
                accepted.get(),
                failed.get(),
                samples.get(),
                bytes.get(),
                seconds,
                percentileMs(sorted, 0.50),
                percentileMs(sorted, 0.95),
                percentileMs(sorted, 0.99),
                firstFailure.get());
    }

    static double percentileMs(long[] sortedNanos, double quantile) {
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }
}
