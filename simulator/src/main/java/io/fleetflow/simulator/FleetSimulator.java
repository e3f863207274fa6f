package io.fleetflow.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a fleet continuously: every vehicle posts a freshly generated trip (one that just ended)
 * every {@code interval}, staggered so the fleet does not post in bursts. Runs until closed; the
 * launcher embeds one, {@code ./fleetflow simulate live} runs one on its own.
 */
public final class FleetSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetSimulator.class);

    private final Fleet fleet;
    private final TripGenerator generator;
    private final TelemetryClient client;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unreachable = new AtomicLong();

    public FleetSimulator(
            Fleet fleet, TripSettings settings, TelemetryClient client, Duration interval) {
        this.fleet = fleet;
        this.generator = new TripGenerator(settings);
        this.client = client;
        this.interval = interval;
        this.executor =
                Executors.newScheduledThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "fleet-simulator");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Schedules every vehicle; returns at once. */
    public void start(long seed) {
        SplittableRandom stagger = new SplittableRandom(seed);
        long periodMs = interval.toMillis();
        for (Vehicle vehicle : fleet.vehicles()) {
            AtomicLong tripNumber = new AtomicLong();
            executor.scheduleWithFixedDelay(
                    () -> postOne(vehicle, tripNumber.getAndIncrement()),
                    stagger.nextLong(periodMs) + 500,
                    periodMs,
                    TimeUnit.MILLISECONDS);
        }
        LOG.info(
                "Simulating {} vehicles, one trip each every {} s",
                fleet.size(),
                interval.toSeconds());
    }

    private void postOne(Vehicle vehicle, long tripNumber) {
        try {
            SimulatedTrip draft =
                    generator.generate(
                            vehicle.tripSeed(tripNumber),
                            vehicle.vehicleId(),
                            vehicle.driverId(),
                            vehicle.style(),
                            Instant.EPOCH);
            // A trip that ends now: the gateway refuses trips from the future.
            SimulatedTrip trip =
                    draft.withStartedAt(
                            Instant.now().minusMillis((long) (draft.durationSeconds() * 1000)));
            TelemetryClient.Answer answer = client.post(TripJson.toBody(trip));
            if (answer.accepted()) {
                accepted.incrementAndGet();
            } else {
                long n = rejected.incrementAndGet();
                if (n <= 5 || n % 100 == 0) {
                    LOG.warn(
                            "Gateway refused a simulated trip ({} so far): {} {}",
                            n,
                            answer.status(),
                            answer.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            long n = unreachable.incrementAndGet();
            if (n <= 5 || n % 100 == 0) {
                LOG.warn("Could not post a simulated trip ({} so far): {}", n, e.toString());
            }
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long unreachable() {
        return unreachable.get();
    }

    @Override
    public void close() {
        // No new trips; a post in flight finishes, so the gateway is not stopped in mid-request.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("The simulator did not stop within 15 s; interrupting it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info(
                "Simulator stopped: {} trips accepted, {} refused, {} not delivered",
                accepted.get(),
                rejected.get(),
                unreachable.get());
    }
}
