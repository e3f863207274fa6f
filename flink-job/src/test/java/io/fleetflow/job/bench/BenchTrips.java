package io.fleetflow.job.bench;

import io.fleetflow.gateway.ingest.TripStore;
import io.fleetflow.gateway.publish.RabbitTripPublisher;
import io.fleetflow.model.TripPayload;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/** Synthetic trips of a given size stored as the gateway stores them, and their ids published. */
final class BenchTrips {

    private BenchTrips() {}

    static List<UUID> store(DataSource db, int trips, int samples) throws Exception {
        TripStore store = new TripStore(db);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<UUID>> ids = new ArrayList<>();
            for (int i = 0; i < trips; i++) {
                int seed = i;
                ids.add(
                        pool.submit(
                                () -> {
                                    TripSamples s = samples(new Random(seed), samples);
                                    UUID tripId = UUID.randomUUID();
                                    TripPayload payload =
                                            new TripPayload(
                                                    UUID.randomUUID(),
                                                    new UUID(0xbe4cL, seed % 50),
                                                    OffsetDateTime.of(
                                                                    2026,
                                                                    5,
                                                                    1,
                                                                    8,
                                                                    0,
                                                                    0,
                                                                    0,
                                                                    ZoneOffset.UTC)
                                                            .plusMinutes(seed),
                                                    s);
                                    store.insert(tripId, payload, TripBlobCodec.encode(s));
                                    return tripId;
                                }));
            }
            List<UUID> out = new ArrayList<>();
            for (Future<UUID> f : ids) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Back to PENDING with no results, so the same blobs can be scored again. */
    static void reset(DataSource db) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "TRUNCATE telemetry.driver_scores, telemetry.trip_events, telemetry.driver_stats");
            s.execute(
                    "UPDATE telemetry.trip_logs SET status = 'PENDING', completed_at = NULL,"
                            + " failure_reason = NULL");
            s.execute("VACUUM ANALYZE telemetry.trip_logs");
        }
    }

    static void publish(String amqpUri, String queue, List<UUID> ids) throws Exception {
        try (RabbitTripPublisher publisher =
                new RabbitTripPublisher(amqpUri, queue, Duration.ofSeconds(30), 4)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (UUID id : ids) {
                    done.add(
                            pool.submit(
                                    () -> {
                                        publisher.publish(id);
                                        return null;
                                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** 10 Hz driving: a speed random walk, calm g-forces with an occasional hard manoeuvre. */
    static TripSamples samples(Random r, int n) {
        double[] speed = new double[n];
        double[] gLong = new double[n];
        double[] gLat = new double[n];
        double v = 40;
        for (int i = 0; i < n; i++) {
            v = Math.max(0, Math.min(130, v + r.nextGaussian()));
            speed[i] = Math.round(v * 100) / 100.0;
            boolean manoeuvre = i % 600 >= 590;
            gLong[i] = Math.round((manoeuvre ? -0.6 : r.nextGaussian() * 0.08) * 1e4) / 1e4;
            gLat[i] = Math.round(r.nextGaussian() * 0.05 * 1e4) / 1e4;
        }
        return new TripSamples(null, 10.0, speed, gLong, gLat);
    }
}
