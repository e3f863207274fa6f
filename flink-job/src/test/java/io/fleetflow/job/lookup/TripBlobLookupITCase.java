package io.fleetflow.job.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.job.failure.FailureKind;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.model.registry.RegistryNames;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestServices;
import io.fleetflow.testing.TripSeeder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The async lookup against the real database: claims, redeliveries, unknown ids, dropped samples.
 */
class TripBlobLookupITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();

    private final TripBlobLookup lookup =
            new TripBlobLookup(
                    TestServices.dbUrl(),
                    TestServices.dbUser(),
                    TestServices.dbPassword(),
                    2,
                    4,
                    3,
                    Duration.ofMillis(20));

    @BeforeEach
    void open() throws Exception {
        lookup.setRuntimeContext(new MockStreamingRuntimeContext(false, 1, 0));
        lookup.open(new Configuration());
    }

    @AfterEach
    void close() {
        lookup.close();
    }

    @Test
    void aPendingTripIsReturnedWithItsBlobAndMarkedProcessing() throws Exception {
        UUID trip = storeTrip();

        LookedUpTrip found = single(lookUp(trip));

        assertThat(found.isFailure()).isFalse();
        assertThat(found.tripId).isEqualTo(trip.toString());
        assertThat(TripBlobCodec.decode(found.blob).size()).isPositive();
        assertThat(DB.status(trip)).isEqualTo("PROCESSING");
    }

    /** A trip stored in format 1 (JSONB) before format 2 reads as the same trip stored now. */
    @Test
    void aTripStoredAsJsonBeforeFormatTwoReadsTheSame() throws Exception {
        UUID now = storeTrip();
        UUID before = storeTrip();
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE telemetry.trip_samples SET telemetry_blob = ?::jsonb,"
                                        + " telemetry_bin = NULL WHERE trip_id = ?")) {
            ps.setString(1, TripBlobCodec.encodeJson(TripBlobCodec.decode(blobOf(now))));
            ps.setObject(2, before);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        LookedUpTrip formatOne = single(lookUp(before));
        LookedUpTrip formatTwo = single(lookUp(now));

        assertThat(formatOne.blob[0]).isEqualTo((byte) '{');
        assertThat(formatTwo.blob[0]).isEqualTo((byte) TripBlobCodec.FORMAT);
        assertThat(TripBlobCodec.decode(formatOne.blob))
                .isEqualTo(TripBlobCodec.decode(formatTwo.blob));
    }

    private static byte[] blobOf(UUID trip) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT telemetry_bin FROM telemetry.trip_samples WHERE trip_id = ?")) {
            ps.setObject(1, trip);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    @Test
    void theVehiclesRegisteredClassComesWithTheBlobAndAnUnregisteredVehicleHasNone()
            throws Exception {
        UUID bus = UUID.randomUUID();
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO "
                                        + RegistryNames.VEHICLES
                                        + " (vehicle_id, name, vehicle_class, updated_by)"
                                        + " VALUES (?, 'Line 7', 'bus', 'test')")) {
            ps.setObject(1, bus);
            ps.executeUpdate();
        }
        UUID registered = storeTrip(bus);
        UUID unregistered = storeTrip();

        assertThat(single(lookUp(registered)).vehicleClass).isEqualTo("bus");
        assertThat(single(lookUp(unregistered)).vehicleClass).isNull();
    }

    @Test
    void aRedeliveredCompletedTripIsReturnedForIdempotentRescoringAndKeepsItsStatus()
            throws Exception {
        UUID trip = storeTrip();
        DB.count(
                "WITH u AS (UPDATE telemetry.trip_logs SET status = 'COMPLETED' WHERE id = ?"
                        + " RETURNING 1) SELECT count(*) FROM u",
                trip);

        LookedUpTrip found = single(lookUp(trip));

        assertThat(found.isFailure()).isFalse();
        assertThat(found.tripId).isEqualTo(trip.toString());
        assertThat(DB.status(trip)).isEqualTo("COMPLETED");
    }

    @Test
    void aTripWhoseSamplesAreGoneFailsAtOnceWithTheReasonInsteadOfWaiting() throws Exception {
        UUID trip = storeTrip();
        // what retention leaves: the trip's row without its samples' row
        DB.count(
                "WITH d AS (DELETE FROM telemetry.trip_samples WHERE trip_id = ? RETURNING 1)"
                        + " SELECT count(*) FROM d",
                trip);

        LookedUpTrip failed = single(lookUp(trip));

        assertThat(failed.failureKind).isEqualTo(FailureKind.SAMPLES_DROPPED);
        assertThat(failed.tripId).isEqualTo(trip.toString());
        assertThat(failed.failureReason).contains("dropped by retention");
        assertThat(failed.blob).isNull();
    }

    @Test
    void anIdWithNoRowIsRetriedThenAnUnknownTripFailureWithoutATripToMark() throws Exception {
        UUID unknown = UUID.randomUUID();

        LookedUpTrip failed = single(lookUp(unknown));

        assertThat(failed.failureKind).isEqualTo(FailureKind.UNKNOWN_TRIP);
        assertThat(failed.tripId).isNull();
        assertThat(failed.failureReason).contains(unknown.toString());
    }

    @Test
    void idsLookedUpTogetherEachGetTheirOwnOutcome() throws Exception {
        List<UUID> pending =
                List.of(storeTrip(), storeTrip(), storeTrip(), storeTrip(), storeTrip());
        UUID completed = storeTrip();
        DB.count(
                "WITH u AS (UPDATE telemetry.trip_logs SET status = 'COMPLETED' WHERE id = ?"
                        + " RETURNING 1) SELECT count(*) FROM u",
                completed);
        UUID unknown = UUID.randomUUID();
        List<UUID> all = new java.util.ArrayList<>(pending);
        all.add(2, unknown);
        all.add(completed);
        List<CompletableFuture<Collection<LookedUpTrip>>> results = new java.util.ArrayList<>();
        for (UUID id : all) {
            CompletableFuture<Collection<LookedUpTrip>> result = new CompletableFuture<>();
            results.add(result);
            lookup.asyncInvoke(id.toString(), future(result));
        }

        for (int i = 0; i < all.size(); i++) {
            LookedUpTrip found = single(results.get(i).get(10, TimeUnit.SECONDS));
            if (all.get(i).equals(unknown)) {
                assertThat(found.failureKind).isEqualTo(FailureKind.UNKNOWN_TRIP);
                assertThat(found.failureReason).contains(unknown.toString());
            } else {
                assertThat(found.isFailure()).isFalse();
                assertThat(found.tripId).isEqualTo(all.get(i).toString());
                assertThat(TripBlobCodec.decode(found.blob).size()).isPositive();
            }
        }
        for (UUID id : pending) {
            assertThat(DB.status(id)).isEqualTo("PROCESSING");
        }
        assertThat(DB.status(completed)).isEqualTo("COMPLETED");
    }

    @Test
    void aRowLockedElsewhereIsReturnedWithoutWaitingAndLeftUnmarked() throws Exception {
        UUID trip = storeTrip();
        try (java.sql.Connection other = DB.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (java.sql.PreparedStatement lock =
                    other.prepareStatement(
                            "SELECT id FROM telemetry.trip_logs WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, trip);
                lock.executeQuery().close();
            }

            LookedUpTrip found = single(lookUp(trip));

            assertThat(found.isFailure()).isFalse();
            assertThat(found.tripId).isEqualTo(trip.toString());
            other.commit();
        }
        assertThat(DB.status(trip)).isEqualTo("PENDING");
    }

    @Test
    void aTimeoutFailsTheTripWithAReadableReason() {
        CompletableFuture<Collection<LookedUpTrip>> result = new CompletableFuture<>();
        lookup.timeout(UUID.randomUUID().toString(), future(result));

        LookedUpTrip failed = single(result.join());
        assertThat(failed.failureKind).isEqualTo(FailureKind.LOOKUP_TIMEOUT);
        assertThat(failed.tripId).isNotNull();
        assertThat(failed.failureReason).contains("timed out");
    }

    private Collection<LookedUpTrip> lookUp(UUID trip) throws Exception {
        CompletableFuture<Collection<LookedUpTrip>> result = new CompletableFuture<>();
        lookup.asyncInvoke(trip.toString(), future(result));
        return result.get(10, TimeUnit.SECONDS);
    }

    private static ResultFuture<LookedUpTrip> future(
            CompletableFuture<Collection<LookedUpTrip>> result) {
        return new ResultFuture<>() {
            @Override
            public void complete(Collection<LookedUpTrip> records) {
                result.complete(records);
            }

            @Override
            public void completeExceptionally(Throwable error) {
                result.completeExceptionally(error);
            }
        };
    }

    private static LookedUpTrip single(Collection<LookedUpTrip> records) {
        assertThat(records).hasSize(1);
        return List.copyOf(records).get(0);
    }

    private static UUID storeTrip() throws Exception {
        return storeTrip(UUID.randomUUID());
    }

    private static UUID storeTrip(UUID vehicleId) throws Exception {
        KnownTrips.KnownTrip known =
                KnownTrips.generate(new Random(7), vehicleId, UUID.randomUUID());
        return new TripSeeder(DB.dataSource()).store(known.json());
    }
}
