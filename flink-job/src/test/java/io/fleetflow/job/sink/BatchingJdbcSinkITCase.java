package io.fleetflow.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.job.failure.TripFailure;
import io.fleetflow.job.score.ScoredTrip;
import io.fleetflow.job.score.TripEventRecord;
import io.fleetflow.job.stats.DriverStats;
import io.fleetflow.testing.KnownTrips;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestServices;
import io.fleetflow.testing.TripSeeder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The batch statements and the batching writer against the real database. */
class BatchingJdbcSinkITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();

    private static final long TRIP_START_MS = 1_777_622_400_000L; // 2026-05-01T08:00Z

    @Test
    void aBatchOfScoresLandsWithItsEventsAndCompletesEveryTrip() throws Exception {
        UUID first = storeTrip();
        UUID second = storeTrip();
        UUID third = storeTrip();

        write(
                new ScoreBatchStatement(),
                List.of(
                        scored(first, 91, braking(1_000), speeding(5_000)),
                        scored(second, 77, braking(2_000)),
                        scored(third, 100)));

        assertThat(DB.status(first)).isEqualTo("COMPLETED");
        assertThat(DB.status(second)).isEqualTo("COMPLETED");
        assertThat(DB.status(third)).isEqualTo("COMPLETED");
        assertThat(
                        DB.count(
                                "SELECT safety_score FROM telemetry.driver_scores WHERE trip_id = ?",
                                first))
                .isEqualTo(91);
        assertThat(
                        DB.count(
                                "SELECT safety_score FROM telemetry.driver_scores WHERE trip_id = ?",
                                second))
                .isEqualTo(77);
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.driver_scores WHERE trip_id = ?"
                                        + " AND started_at = to_timestamp(?::bigint / 1000.0)"
                                        + " AND distance_km = 12.5 AND scoring_version = 'test/1'",
                                first,
                                TRIP_START_MS))
                .isEqualTo(1);
        assertThat(eventTypes(first)).containsExactly("HARSH_BRAKING", "SPEEDING");
        assertThat(eventTypes(second)).containsExactly("HARSH_BRAKING");
        assertThat(eventTypes(third)).isEmpty();
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.trip_events WHERE trip_id = ?"
                                        + " AND seq = 1 AND start_ms = 5000 AND end_ms = 6500"
                                        + " AND peak = 131.25 AND severity = 'HARSH'",
                                first))
                .isEqualTo(1);
    }

    @Test
    void aReplayedBatchChangesNothingAndARescoreDropsEventsBeyondTheNewCount() throws Exception {
        UUID trip = storeTrip();
        List<ScoredTrip> batch = List.of(scored(trip, 80, braking(1_000), braking(9_000)));

        write(new ScoreBatchStatement(), batch);
        write(new ScoreBatchStatement(), batch);

        assertThat(DB.count("SELECT count(*) FROM telemetry.driver_scores")).isEqualTo(1);
        assertThat(eventTypes(trip)).containsExactly("HARSH_BRAKING", "HARSH_BRAKING");

        write(new ScoreBatchStatement(), List.of(scored(trip, 95, speeding(3_000))));

        assertThat(
                        DB.count(
                                "SELECT safety_score FROM telemetry.driver_scores WHERE trip_id = ?",
                                trip))
                .isEqualTo(95);
        assertThat(eventTypes(trip)).containsExactly("SPEEDING");
    }

    @Test
    void aCrashLandsWithItsImpactAndTheSensingAndARescoreReplacesThem() throws Exception {
        UUID trip = storeTrip();
        ScoredTrip withCrash = scored(trip, 40, braking(1_000), crash(20_000, 27.5, null));
        withCrash.crashCount = 1;
        withCrash.mountYawDeg = 12.25;
        withCrash.crashDetection = true;

        write(new ScoreBatchStatement(), List.of(withCrash));

        assertThat(eventTypes(trip)).containsExactly("HARSH_BRAKING", "CRASH");
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.trip_events WHERE trip_id = ?"
                                        + " AND seq = 1 AND peak = 2.75 AND severity = 'SEVERE'"
                                        + " AND delta_v_kmh = 27.5 AND speed_before_kmh = 48.0"
                                        + " AND speed_after_kmh IS NULL",
                                trip))
                .isEqualTo(1);
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.trip_events WHERE trip_id = ?"
                                        + " AND seq = 0 AND delta_v_kmh IS NULL"
                                        + " AND speed_before_kmh IS NULL AND speed_after_kmh IS NULL",
                                trip))
                .isEqualTo(1);
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.driver_scores WHERE trip_id = ?"
                                        + " AND crash_count = 1 AND mount_yaw_deg = 12.25"
                                        + " AND crash_detection",
                                trip))
                .isEqualTo(1);

        // Rescored by a scorer that found no crash, estimated no yaw and could not look.
        write(new ScoreBatchStatement(), List.of(scored(trip, 90, crash(0, 8.0, 30.0))));
        write(new ScoreBatchStatement(), List.of(scored(trip, 95, speeding(3_000))));

        assertThat(eventTypes(trip)).containsExactly("SPEEDING");
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.trip_events WHERE trip_id = ?"
                                        + " AND delta_v_kmh IS NULL AND speed_before_kmh IS NULL"
                                        + " AND speed_after_kmh IS NULL",
                                trip))
                .isEqualTo(1);
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.driver_scores WHERE trip_id = ?"
                                        + " AND crash_count = 0 AND mount_yaw_deg IS NULL"
                                        + " AND crash_detection = false",
                                trip))
                .isEqualTo(1);
    }

    /**
     * The pipeline view counts failed trips by {@code failure_reason IS NOT NULL}: it must be set
     * exactly while a trip is FAILED, however failing and scoring interleave.
     */
    @Test
    void aFailureReasonStaysOnlyWhileTheTripIsFailed() throws Exception {
        UUID failedThenScored = storeTrip();
        UUID scoredThenFailed = storeTrip();

        markFailed(failedThenScored, "lookup timed out");
        assertThat(DB.status(failedThenScored)).isEqualTo("FAILED");
        write(new ScoreBatchStatement(), List.of(scored(failedThenScored, 88)));
        write(new ScoreBatchStatement(), List.of(scored(scoredThenFailed, 70)));
        markFailed(scoredThenFailed, "a late failure");

        assertThat(DB.status(failedThenScored)).isEqualTo("COMPLETED");
        assertThat(DB.status(scoredThenFailed)).isEqualTo("COMPLETED");
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.trip_logs WHERE id IN (?, ?)"
                                        + " AND failure_reason IS NULL AND completed_at IS NOT NULL",
                                failedThenScored,
                                scoredThenFailed))
                .isEqualTo(2);
    }

    @Test
    void driverStatsAreReplacedByTheLatestValue() throws Exception {
        String driver = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();

        write(new DriverStatsBatchStatement(), List.of(stats(driver, 1, 70), stats(other, 4, 88)));
        write(new DriverStatsBatchStatement(), List.of(stats(driver, 2, 64)));

        assertThat(DB.count("SELECT count(*) FROM telemetry.driver_stats")).isEqualTo(2);
        assertThat(statsRow(driver)).isEqualTo("2 64 " + TRIP_START_MS);
        assertThat(statsRow(other)).isEqualTo("4 88 " + TRIP_START_MS);
    }

    @Test
    void theWriterKeepsEachKeysLatestRecordAndWritesWhenTheBatchIsFull() throws Exception {
        String driver = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        TestProcessingTimeService time = new TestProcessingTimeService();
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        BatchingJdbcSink.Writer<DriverStats> writer =
                writer(new DriverStatsBatchStatement(), 2, time, metrics);

        writer.write(stats(driver, 1, 70), null);
        writer.write(stats(driver, 2, 60), null);
        assertThat(writer.buffered()).isEqualTo(1);
        assertThat(count(metrics, BatchingJdbcSink.BATCHES_WRITTEN)).isZero();
        assertThat(DB.count("SELECT count(*) FROM telemetry.driver_stats")).isZero();

        writer.write(stats(other, 1, 90), null);

        assertThat(writer.buffered()).isZero();
        assertThat(count(metrics, BatchingJdbcSink.BATCHES_WRITTEN)).isOne();
        assertThat(statsRow(driver)).isEqualTo("2 60 " + TRIP_START_MS);
        assertThat(statsRow(other)).isEqualTo("1 90 " + TRIP_START_MS);
        writer.close();
    }

    @Test
    void theWriterWritesAPartialBatchAfterTheDelayAndAtACheckpoint() throws Exception {
        String driver = UUID.randomUUID().toString();
        TestProcessingTimeService time = new TestProcessingTimeService();
        time.setCurrentTime(1_000);
        BatchingJdbcSink.Writer<DriverStats> writer =
                writer(new DriverStatsBatchStatement(), 100, time);

        writer.write(stats(driver, 1, 70), null);
        time.setCurrentTime(1_049);
        assertThat(DB.count("SELECT count(*) FROM telemetry.driver_stats")).isZero();
        time.setCurrentTime(1_050);
        assertThat(writer.buffered()).isZero();
        assertThat(statsRow(driver)).isEqualTo("1 70 " + TRIP_START_MS);

        writer.write(stats(driver, 2, 65), null);
        writer.flush(false);

        assertThat(writer.buffered()).isZero();
        assertThat(statsRow(driver)).isEqualTo("2 65 " + TRIP_START_MS);
        writer.close();
    }

    @Test
    void aBatchNeverHoldsRowsWhileWaitingForBusyOnesSoItCannotDeadlock() throws Exception {
        UUID a = storeTrip();
        UUID b = storeTrip();
        // PostgreSQL orders uuids as their text does: the batch locks "first" before "second".
        UUID first = a.toString().compareTo(b.toString()) < 0 ? a : b;
        UUID second = first == a ? b : a;
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        BatchingJdbcSink.Writer<ScoredTrip> writer =
                writer(new ScoreBatchStatement(), 2, new TestProcessingTimeService(), metrics);
        ExecutorService task = Executors.newSingleThreadExecutor();
        try (Connection other = DB.dataSource().getConnection()) {
            other.setAutoCommit(false);
            lock(other, second);
            Future<?> written =
                    task.submit(
                            () -> {
                                writer.write(scored(first, 88), null);
                                writer.write(scored(second, 77), null);
                                return null;
                            });
            Thread.sleep(300);
            assertThat(written).isNotDone();

            // What a batch update of the gateway does next: it must get the other row at once
            // (sooner than deadlock detection, deadlock_timeout = 1 s, would break a deadlock).
            try (Statement s = other.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '500ms'");
            }
            lock(other, first);
            assertThat(DB.status(first)).isEqualTo("PENDING");

            other.commit();
            written.get(10, TimeUnit.SECONDS);
        } finally {
            task.shutdownNow();
            writer.close();
        }
        assertThat(DB.status(first)).isEqualTo("COMPLETED");
        assertThat(DB.status(second)).isEqualTo("COMPLETED");
        // Busy for 300 ms or more, tried again every 20 ms: seen by operators as contention
        assertThat(count(metrics, BatchingJdbcSink.CONTENDED_RETRIES)).isGreaterThanOrEqualTo(5);
        assertThat(count(metrics, BatchingJdbcSink.FAILED_ATTEMPTS)).isZero();
        assertThat(count(metrics, BatchingJdbcSink.BATCHES_WRITTEN)).isOne();
    }

    private static void markFailed(UUID trip, String reason) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(JdbcResultSinks.MARK_FAILED)) {
            JdbcResultSinks.bindFailure(ps, new TripFailure(trip.toString(), reason));
            ps.executeUpdate();
        }
    }

    private static void lock(Connection c, UUID trip) throws Exception {
        try (PreparedStatement lock =
                c.prepareStatement("SELECT id FROM telemetry.trip_logs WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, trip);
            lock.executeQuery().close();
        }
    }

    private static <T> BatchingJdbcSink.Writer<T> writer(
            BatchStatement<T> statement, int batchSize, TestProcessingTimeService time) {
        return writer(statement, batchSize, time, new InterceptingOperatorMetricGroup());
    }

    private static <T> BatchingJdbcSink.Writer<T> writer(
            BatchStatement<T> statement,
            int batchSize,
            TestProcessingTimeService time,
            MetricGroup metrics) {
        BatchingJdbcSink<T> sink =
                new BatchingJdbcSink<>(
                        TestServices.dbUrl(),
                        TestServices.dbUser(),
                        TestServices.dbPassword(),
                        batchSize,
                        Duration.ofMillis(50),
                        statement);
        return new BatchingJdbcSink.Writer<>(sink, time, metrics);
    }

    private static long count(InterceptingOperatorMetricGroup metrics, String name) {
        return ((Counter) metrics.get(name)).getCount();
    }

    private static <T> void write(BatchStatement<T> statement, List<T> batch) throws Exception {
        try (Connection c = DB.dataSource().getConnection()) {
            statement.execute(c, batch);
        }
    }

    private static ScoredTrip scored(UUID trip, int score, TripEventRecord... events) {
        ScoredTrip s = new ScoredTrip();
        s.tripId = trip.toString();
        s.driverId = UUID.randomUUID().toString();
        s.vehicleId = UUID.randomUUID().toString();
        s.startedAtMs = TRIP_START_MS;
        s.safetyScore = score;
        s.harshBrakingCount = events.length;
        s.distanceKm = 12.5;
        s.durationS = 900;
        s.movingS = 850;
        s.maxSpeedKmh = 131.25;
        s.avgSpeedKmh = 50;
        s.scoringVersion = "test/1";
        s.events = events;
        return s;
    }

    private static TripEventRecord braking(long atMs) {
        return new TripEventRecord("HARSH_BRAKING", atMs, atMs + 800, 0.55, "MODERATE");
    }

    private static TripEventRecord speeding(long atMs) {
        return new TripEventRecord("SPEEDING", atMs, atMs + 1_500, 131.25, "HARSH");
    }

    private static TripEventRecord crash(long atMs, double deltaVKmh, Double speedAfterKmh) {
        return new TripEventRecord(
                "CRASH", atMs, atMs + 120, 2.75, "SEVERE", deltaVKmh, 48.0, speedAfterKmh);
    }

    private static DriverStats stats(String driver, long trips, int rollingScore) {
        DriverStats s = new DriverStats();
        s.driverId = driver;
        s.trips = trips;
        s.distanceKm = 10.0 * trips;
        s.durationS = 600.0 * trips;
        s.rollingScore = rollingScore;
        s.windowDays = 30;
        s.lastTripStartedAtMs = TRIP_START_MS;
        return s;
    }

    private static List<String> eventTypes(UUID trip) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT event_type FROM telemetry.trip_events WHERE trip_id = ?"
                                        + " ORDER BY seq")) {
            ps.setObject(1, trip);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> types = new java.util.ArrayList<>();
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
                return types;
            }
        }
    }

    /** "trips rolling_score last_trip_started_at(ms)" of a driver's row. */
    private static String statsRow(String driver) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT trips, rolling_score,"
                                        + " (extract(epoch FROM last_trip_started_at) * 1000)::bigint"
                                        + " FROM telemetry.driver_stats WHERE driver_id = ?::uuid")) {
            ps.setString(1, driver);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a row for driver %s", driver).isTrue();
                return rs.getLong(1) + " " + rs.getInt(2) + " " + rs.getLong(3);
            }
        }
    }

    private static UUID storeTrip() throws Exception {
        KnownTrips.KnownTrip known =
                KnownTrips.generate(new Random(7), UUID.randomUUID(), UUID.randomUUID());
        return new TripSeeder(DB.dataSource()).store(known.json());
    }
}
