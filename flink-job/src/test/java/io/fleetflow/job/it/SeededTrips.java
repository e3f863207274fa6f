package io.fleetflow.job.it;

import io.fleetflow.gateway.ingest.TripStore;
import io.fleetflow.gateway.publish.RabbitTripPublisher;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.model.ingest.ReadResult;
import io.fleetflow.model.ingest.TripPayloadReader;
import io.fleetflow.scoring.TripScore;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.TestServices;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Trips stored and published the way the gateway does it (row committed as PENDING, then the id
 * published with confirms), without HTTP so thousands are in the queue within seconds. Each trip's
 * expected score comes from running the scorer directly on the same samples.
 */
public final class SeededTrips {

    private static final int THREADS = 4;

    /** The expected outcome of one trip. */
    public record Expected(UUID tripId, UUID driverId, TripScore score) {}

    private final Map<UUID, Expected> byTrip = new ConcurrentHashMap<>();

    private SeededTrips() {}

    public static SeededTrips seed(
            int trips, int drivers, DataSource db, String queue, TripScorer scorer)
            throws Exception {
        SeededTrips seeded = new SeededTrips();
        Random random = new Random(trips * 31L + drivers);
        List<UUID> driverIds = new ArrayList<>();
        for (int i = 0; i < drivers; i++) {
            driverIds.add(new UUID(0xd0d0L, i + 1));
        }
        List<KnownTrips.KnownTrip> bodies = new ArrayList<>();
        for (int i = 0; i < trips; i++) {
            bodies.add(KnownTrips.generate(random, UUID.randomUUID(), driverIds.get(i % drivers)));
        }
        TripStore store = new TripStore(db);
        TripPayloadReader reader = new TripPayloadReader();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (RabbitTripPublisher publisher =
                new RabbitTripPublisher(
                        TestServices.amqpUri(), queue, Duration.ofSeconds(10), THREADS)) {
            List<Future<?>> done = new ArrayList<>();
            for (KnownTrips.KnownTrip body : bodies) {
                done.add(
                        pool.submit(
                                () -> {
                                    ReadResult read =
                                            reader.read(
                                                    new ByteArrayInputStream(
                                                            body.json()
                                                                    .getBytes(
                                                                            StandardCharsets
                                                                                    .UTF_8)));
                                    UUID tripId = UUID.randomUUID();
                                    store.insert(
                                            tripId,
                                            read.payload(),
                                            TripBlobCodec.encode(read.payload().samples()));
                                    seeded.byTrip.put(
                                            tripId,
                                            new Expected(
                                                    tripId,
                                                    body.driverId(),
                                                    scorer.score(read.payload().samples())));
                                    publisher.publish(tripId);
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return seeded;
    }

    public Map<UUID, Expected> byTrip() {
        return byTrip;
    }

    public int size() {
        return byTrip.size();
    }
}
