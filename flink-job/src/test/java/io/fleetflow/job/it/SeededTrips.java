package io.fleetflow.job.it;

import io.fleetflow.model.TripPayload;
import io.fleetflow.scoring.TripScore;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.TestServices;
import io.fleetflow.testing.TripIdPublisher;
import io.fleetflow.testing.TripSeeder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Trips stored and published the way the gateway does it (row committed as PENDING, then the id
 * published with confirms), without HTTP so thousands are in the queue within seconds. Each trip's
 * expected score comes from running the scorer directly on the same samples.
 */
public final class SeededTrips {

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
        TripSeeder seeder = new TripSeeder(db);
        for (KnownTrips.KnownTrip body : bodies) {
            TripPayload payload = TripSeeder.parse(body.json());
            UUID tripId = seeder.store(payload);
            seeded.byTrip.put(
                    tripId, new Expected(tripId, body.driverId(), scorer.score(payload.samples())));
        }
        TripIdPublisher.publish(TestServices.amqpUri(), queue, seeded.byTrip.keySet());
        return seeded;
    }

    /** These trips and {@code other}'s, as one seeded set. */
    public SeededTrips and(SeededTrips other) {
        SeededTrips both = new SeededTrips();
        both.byTrip.putAll(byTrip);
        both.byTrip.putAll(other.byTrip);
        return both;
    }

    public Map<UUID, Expected> byTrip() {
        return byTrip;
    }

    public int size() {
        return byTrip.size();
    }
}
