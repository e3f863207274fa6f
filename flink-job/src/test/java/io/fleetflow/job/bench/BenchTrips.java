package io.fleetflow.job.bench;

import io.fleetflow.model.TripPayload;
import io.fleetflow.model.TripSamples;
import io.fleetflow.testing.SyntheticDriving;
import io.fleetflow.testing.TripIdPublisher;
import io.fleetflow.testing.TripSeeder;
import java.sql.Connection;
import java.sql.Statement;
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
        TripSeeder seeder = new TripSeeder(db);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<UUID>> ids = new ArrayList<>();
            for (int i = 0; i < trips; i++) {
                int seed = i;
                ids.add(
                        pool.submit(
                                () -> {
                                    TripSamples s =
                                            SyntheticDriving.samples(new Random(seed), samples);
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
                                    seeder.store(tripId, payload);
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
        TripIdPublisher.publish(amqpUri, queue, ids);
    }
}
