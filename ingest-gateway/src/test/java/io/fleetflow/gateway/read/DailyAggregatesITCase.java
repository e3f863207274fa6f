package io.fleetflow.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.schema.SchemaInitializer;
import io.fleetflow.testing.TelemetryDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * telemetry.driver_daily, vehicle_daily, vehicle_drivers and fleet_daily (sql/init.sql; fleet_daily
 * summed over its slots) equal a GROUP BY over driver_scores after every kind of write the job and
 * operators make: a batched insert, a re-score with other counts through the job's ON CONFLICT
 * upsert, a duplicate delivery, a delete, concurrent batches sharing driver-days, and the one-time
 * backfills and conversions of databases from earlier versions.
 */
class DailyAggregatesITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();

    /** The driver_scores part of the job's ScoreBatchStatement: a multi-row unnest upsert. */
    private static final String UPSERT =
            "WITH r AS (SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::int[],"
                    + " ?::int[], ?::int[], ?::int[], ?::int[], ?::float8[], ?::float8[], ?::int[])"
                    + " AS r(trip_id, driver_id, vehicle_id, started_ms, safety_score, harsh_braking_count,"
                    + " rapid_accel_count, harsh_cornering_count, speeding_count, distance_km, duration_s,"
                    + " crash_count))"
                    + " INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id, started_at,"
                    + " safety_score, harsh_braking_count, rapid_accel_count, harsh_cornering_count,"
                    + " speeding_count, distance_km, duration_s, scoring_version, crash_count, scored_at)"
                    + " SELECT trip_id, driver_id, vehicle_id, to_timestamp(started_ms / 1000.0), safety_score,"
                    + " harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,"
                    + " distance_km, duration_s, 'test-1', crash_count, now() FROM r"
                    + " ON CONFLICT (trip_id) DO UPDATE SET started_at = EXCLUDED.started_at,"
                    + " safety_score = EXCLUDED.safety_score, harsh_braking_count = EXCLUDED.harsh_braking_count,"
                    + " rapid_accel_count = EXCLUDED.rapid_accel_count,"
                    + " harsh_cornering_count = EXCLUDED.harsh_cornering_count,"
                    + " speeding_count = EXCLUDED.speeding_count, distance_km = EXCLUDED.distance_km,"
                    + " duration_s = EXCLUDED.duration_s, crash_count = EXCLUDED.crash_count,"
                    + " scored_at = EXCLUDED.scored_at";

    /** Rows of one aggregate that differ from the GROUP BY over driver_scores (either side). */
    private static final String MISMATCHES =
            "WITH e AS (SELECT %1$s AS k, (coalesce(started_at, scored_at) AT TIME ZONE 'UTC')::date AS day,"
                    + " count(*) AS trips, sum(safety_score) AS score_sum, sum(distance_km) AS km,"
                    + " sum(duration_s) AS dur, sum(harsh_braking_count) AS hb, sum(rapid_accel_count) AS ra,"
                    + " sum(harsh_cornering_count) AS hc, sum(speeding_count) AS sp, sum(crash_count) AS cr,"
                    + " max(coalesce(started_at, scored_at)) AS last FROM telemetry.driver_scores"
                    + " GROUP BY GROUPING SETS ((1, 2), (1)))"
                    + " SELECT count(*) FROM e FULL JOIN telemetry.%2$s a ON a.%1$s = e.k"
                    + " AND a.day = coalesce(e.day, '-infinity')"
                    + " WHERE e.k IS NULL OR a.%1$s IS NULL OR a.trips <> e.trips OR a.score_sum <> e.score_sum"
                    + " OR abs(a.distance_km - e.km) > 1e-6 OR abs(a.duration_s - e.dur) > 1e-6"
                    + " OR a.harsh_braking_count <> e.hb OR a.rapid_accel_count <> e.ra"
                    + " OR a.harsh_cornering_count <> e.hc OR a.speeding_count <> e.sp"
                    + " OR a.crash_count <> e.cr OR a.last_trip_at <> e.last";

    /** vehicle_drivers rows differing from the count of scores per (vehicle, driver). */
    private static final String PAIR_MISMATCHES =
            "WITH e AS (SELECT vehicle_id, driver_id, count(*) AS trips FROM telemetry.driver_scores"
                    + " GROUP BY 1, 2)"
                    + " SELECT count(*) FROM e FULL JOIN telemetry.vehicle_drivers a USING (vehicle_id, driver_id)"
                    + " WHERE e.trips IS NULL OR a.trips IS NULL OR a.trips <> e.trips";

    /**
     * Days whose fleet_daily slots do not add up to the GROUP BY day over driver_scores (a day
     * whose slots all add up to nothing counts as absent).
     */
    private static final String FLEET_MISMATCHES =
            "WITH e AS (SELECT (coalesce(started_at, scored_at) AT TIME ZONE 'UTC')::date AS day,"
                    + " count(*) AS trips, sum(safety_score) AS score_sum, sum(distance_km) AS km,"
                    + " sum(duration_s) AS dur, sum(harsh_braking_count) AS hb, sum(rapid_accel_count) AS ra,"
                    + " sum(harsh_cornering_count) AS hc, sum(speeding_count) AS sp, sum(crash_count) AS cr"
                    + " FROM telemetry.driver_scores GROUP BY 1),"
                    + " a AS (SELECT day, sum(trips) AS trips, sum(score_sum) AS score_sum,"
                    + " sum(distance_km) AS km, sum(duration_s) AS dur, sum(harsh_braking_count) AS hb,"
                    + " sum(rapid_accel_count) AS ra, sum(harsh_cornering_count) AS hc,"
                    + " sum(speeding_count) AS sp, sum(crash_count) AS cr FROM telemetry.fleet_daily"
                    + " GROUP BY day HAVING sum(trips) <> 0 OR sum(score_sum) <> 0"
                    + " OR abs(sum(distance_km)) > 1e-6 OR abs(sum(duration_s)) > 1e-6"
                    + " OR sum(harsh_braking_count) <> 0 OR sum(rapid_accel_count) <> 0"
                    + " OR sum(harsh_cornering_count) <> 0 OR sum(speeding_count) <> 0"
                    + " OR sum(crash_count) <> 0)"
                    + " SELECT count(*) FROM e FULL JOIN a USING (day)"
                    + " WHERE e.trips IS NULL OR a.trips IS NULL OR a.trips <> e.trips"
                    + " OR a.score_sum <> e.score_sum OR abs(a.km - e.km) > 1e-6"
                    + " OR abs(a.dur - e.dur) > 1e-6 OR a.hb <> e.hb OR a.ra <> e.ra OR a.hc <> e.hc"
                    + " OR a.sp <> e.sp OR a.cr <> e.cr";

    private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS);

    private static final AtomicInteger DEADLOCKS = new AtomicInteger();

    private final Random random = new Random(21);

    /** One score as the job writes it. */
    private record Score(
            UUID trip,
            UUID driver,
            UUID vehicle,
            Instant startedAt,
            int score,
            int hb,
            int ra,
            int hc,
            int sp,
            double km,
            double durationS,
            int crashes) {}

    @Test
    void insertRescoreDuplicateAndDeleteKeepTheAggregatesExact() throws Exception {
        List<Score> scores = inTurn(40, ids(3), ids(2), 4, 60);
        trips(scores);
        upsert(scores);
        assertExact();
        assertThat(
                        DB.count(
                                "SELECT sum(trips) FROM telemetry.driver_daily WHERE day > '-infinity'"))
                .isEqualTo(40);

        // Re-scored with other counts (and one start moved to another day) through the same upsert.
        List<Score> rescored = new ArrayList<>();
        for (Score s : scores.subList(0, 25)) {
            rescored.add(randomScore(s.trip(), s.driver(), s.vehicle(), s.startedAt()));
        }
        Score moved = scores.get(30);
        rescored.add(
                randomScore(
                        moved.trip(),
                        moved.driver(),
                        moved.vehicle(),
                        moved.startedAt().minus(10, ChronoUnit.DAYS)));
        upsert(rescored);
        assertExact();

        // A re-score under another driver and vehicle (an operator's correction) moves the trip's
        // pair: the old pair keeps its other trips, the new one appears.
        Score other = scores.get(31);
        UUID newDriver = UUID.randomUUID(), newVehicle = UUID.randomUUID();
        exec(
                "UPDATE telemetry.driver_scores SET driver_id = '"
                        + newDriver
                        + "', vehicle_id = '"
                        + newVehicle
                        + "' WHERE trip_id = '"
                        + other.trip()
                        + "'");
        assertExact();
        assertThat(
                        DB.count(
                                "SELECT trips FROM telemetry.vehicle_drivers WHERE driver_id = '"
                                        + newDriver
                                        + "'"))
                .isEqualTo(1);

        // A duplicate delivery of the same batch changes nothing.
        upsert(rescored);
        assertExact();
        assertThat(
                        DB.count(
                                "SELECT sum(trips) FROM telemetry.vehicle_daily WHERE day = '-infinity'"))
                .isEqualTo(40);

        // Deleting trips (the newest of a day among them) subtracts them; emptied days disappear.
        delete(tripIds(scores.subList(30, 40)));
        assertExact();
        assertThat(
                        DB.count(
                                "SELECT sum(trips) FROM telemetry.driver_daily WHERE day > '-infinity'"))
                .isEqualTo(30);
        assertThat(DB.count("SELECT count(*) FROM telemetry.vehicle_drivers")).isEqualTo(6);
        exec("DELETE FROM telemetry.driver_scores");
        assertThat(DB.count("SELECT count(*) FROM telemetry.driver_daily")).isZero();
        assertThat(DB.count("SELECT count(*) FROM telemetry.vehicle_daily")).isZero();
        assertThat(DB.count("SELECT count(*) FROM telemetry.vehicle_drivers")).isZero();
        assertExact();
    }

    @Test
    void concurrentBatchesSharingDriverDaysStayExactWithoutDeadlock() throws Exception {
        List<Score> pool = atRandom(400, ids(4), ids(4));
        trips(pool);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                long seed = w;
                done.add(
                        workers.submit(
                                () -> {
                                    Random r = new Random(seed);
                                    for (int b = 0; b < 60; b++) {
                                        // Batches in random order over the same few driver- and
                                        // vehicle-days, new trips and re-scores of the other's.
                                        List<Score> batch = new ArrayList<>();
                                        for (int j = 0; j < 12; j++) {
                                            Score s = pool.get(r.nextInt(pool.size()));
                                            if (batch.stream()
                                                    .noneMatch(x -> x.trip().equals(s.trip()))) {
                                                batch.add(
                                                        randomScore(
                                                                s.trip(),
                                                                s.driver(),
                                                                s.vehicle(),
                                                                s.startedAt()));
                                            }
                                        }
                                        Collections.shuffle(batch, r);
                                        upsert(batch);
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get(); // a deadlock would surface here as SQLState 40P01
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(DB.count("SELECT count(*) FROM telemetry.driver_scores")).isPositive();
        assertExact();
        System.out.printf("mixed batches: %d deadlocks retried%n", DEADLOCKS.get());
    }

    @Test
    void concurrentBatchesOfNewTripsLockInKeyOrderAndNeverDeadlock() throws Exception {
        List<Score> pool = atRandom(800, ids(6), ids(6));
        trips(pool);
        int deadlocksBefore = DEADLOCKS.get();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                List<Score> mine = pool.subList(w * 400, (w + 1) * 400);
                done.add(
                        workers.submit(
                                () -> {
                                    for (int b = 0; b < 400; b += 10) {
                                        upsert(mine.subList(b, b + 10));
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(DEADLOCKS.get()).isEqualTo(deadlocksBefore);
        assertThat(
                        DB.count(
                                "SELECT sum(trips) FROM telemetry.driver_daily WHERE day > '-infinity'"))
                .isEqualTo(800);
        assertExact();
    }

    @Test
    void backfillsOnceWhenTheTriggersAreFirstCreated() throws Exception {
        // A database from before the aggregates: scores stored, no triggers.
        exec(
                "DROP TRIGGER driver_scores_daily_ins ON telemetry.driver_scores;"
                        + " DROP TRIGGER driver_scores_daily_upd ON telemetry.driver_scores;"
                        + " DROP TRIGGER driver_scores_daily_del ON telemetry.driver_scores");
        try {
            List<Score> scores = inTurn(20, ids(2), ids(2), 3, 1);
            trips(scores);
            upsert(scores);
            assertThat(DB.count("SELECT count(*) FROM telemetry.driver_daily")).isZero();
        } finally {
            SchemaInitializer.apply(DB.dataSource());
        }
        assertExact();
        long before =
                DB.count("SELECT sum(trips) FROM telemetry.driver_daily WHERE day > '-infinity'");
        assertThat(before).isEqualTo(20);

        // Every later start leaves them alone (nothing counted twice), and the triggers run again.
        SchemaInitializer.apply(DB.dataSource());
        assertExact();
        assertThat(
                        DB.count(
                                "SELECT sum(trips) FROM telemetry.driver_daily WHERE day > '-infinity'"))
                .isEqualTo(before);
        List<Score> more = List.of(randomScore(UUID.randomUUID(), ids(1)[0], ids(1)[0], DAY));
        trips(more);
        upsert(more);
        assertExact();
        assertThat(
                        DB.count(
                                "SELECT sum(trips) FROM telemetry.driver_daily WHERE day > '-infinity'"))
                .isEqualTo(before + 1);
    }

    @Test
    void aDatabaseFromBeforeVehicleDriversAndFleetDaysGetsThemFilledOnce() throws Exception {
        UUID[] drivers = ids(3);
        UUID[] vehicles = ids(2);
        List<Score> scores = inTurn(30, drivers, vehicles, 5, 1);
        trips(scores);
        upsert(scores);
        // As the previous version left it: driver_daily and vehicle_daily kept, these two absent.
        exec("DROP TABLE telemetry.vehicle_drivers, telemetry.fleet_daily");

        SchemaInitializer.apply(DB.dataSource());
        assertExact();
        assertThat(DB.count("SELECT sum(trips) FROM telemetry.fleet_daily")).isEqualTo(30);
        assertThat(DB.count("SELECT count(*) FROM telemetry.vehicle_drivers")).isEqualTo(6);

        // A later start changes nothing; writes after it are counted once.
        SchemaInitializer.apply(DB.dataSource());
        upsert(scores.subList(0, 10)); // re-scored
        List<Score> more = List.of(randomScore(UUID.randomUUID(), drivers[0], vehicles[1], DAY));
        trips(more);
        upsert(more);
        assertExact();
        assertThat(DB.count("SELECT sum(trips) FROM telemetry.fleet_daily")).isEqualTo(31);
    }

    @Test
    void dailyTablesFromBeforeTheirPartitionsAreConvertedOnceWithEveryRow() throws Exception {
        UUID[] drivers = ids(3);
        List<Score> scores = inTurn(30, drivers, ids(3), 4, 1);
        trips(scores);
        upsert(scores);
        // As the previous version left them: whole tables, all-time rows among the days.
        for (String t : List.of("driver", "vehicle")) {
            exec(
                    String.format(
                            "CREATE TABLE telemetry.%1$s_copy AS SELECT * FROM telemetry.%1$s_daily;"
                                    + " DROP TABLE telemetry.%1$s_daily;"
                                    + " ALTER TABLE telemetry.%1$s_copy RENAME TO %1$s_daily;"
                                    + " ALTER TABLE telemetry.%1$s_daily ADD PRIMARY KEY (%1$s_id, day);"
                                    + " CREATE INDEX %1$s_daily_day_idx ON telemetry.%1$s_daily (day)",
                            t));
        }
        assertThat(DB.count("SELECT count(*) FROM pg_class WHERE relname = 'driver_daily_total'"))
                .isZero();

        SchemaInitializer.apply(DB.dataSource());
        SchemaInitializer.apply(DB.dataSource());

        assertExact();
        for (String t : List.of("driver", "vehicle")) {
            assertThat(
                            DB.count(
                                    "SELECT count(*) FROM pg_class WHERE relkind = 'p' AND relname = '"
                                            + t
                                            + "_daily'"))
                    .isEqualTo(1);
            assertThat(DB.count("SELECT count(*) FROM telemetry." + t + "_daily_total"))
                    .isEqualTo(3);
        }
        List<Score> more = List.of(randomScore(UUID.randomUUID(), drivers[0], drivers[1], DAY));
        trips(more);
        upsert(more);
        assertExact();
    }

    /**
     * {@code n} new trips, drivers and vehicles taken in turn, spread over the last {@code days}
     * days, {@code secondsApart} apart in the day.
     */
    private List<Score> inTurn(
            int n, UUID[] drivers, UUID[] vehicles, int days, long secondsApart) {
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scores.add(
                    randomScore(
                            UUID.randomUUID(),
                            drivers[i % drivers.length],
                            vehicles[i % vehicles.length],
                            DAY.minus(i % days, ChronoUnit.DAYS).plusSeconds(secondsApart * i)));
        }
        return scores;
    }

    /** {@code n} new trips of random drivers and vehicles, today or yesterday. */
    private List<Score> atRandom(int n, UUID[] drivers, UUID[] vehicles) {
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scores.add(
                    randomScore(
                            UUID.randomUUID(),
                            drivers[random.nextInt(drivers.length)],
                            vehicles[random.nextInt(vehicles.length)],
                            DAY.minus(random.nextInt(2), ChronoUnit.DAYS)
                                    .plusSeconds(random.nextInt(80_000))));
        }
        return scores;
    }

    private Score randomScore(UUID trip, UUID driver, UUID vehicle, Instant startedAt) {
        return new Score(
                trip,
                driver,
                vehicle,
                startedAt,
                random.nextInt(101),
                random.nextInt(5),
                random.nextInt(5),
                random.nextInt(5),
                random.nextInt(5),
                random.nextDouble() * 80,
                random.nextDouble() * 3600,
                random.nextInt(10) == 0 ? 1 : 0);
    }

    private static UUID[] ids(int n) {
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
        }
        return ids;
    }

    private static UUID[] tripIds(List<Score> scores) {
        return scores.stream().map(Score::trip).toArray(UUID[]::new);
    }

    private static void trips(List<Score> scores) throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at,"
                                        + " sample_count) SELECT id, v, d, to_timestamp(ms / 1000.0), 1"
                                        + " FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[])"
                                        + " AS t(id, d, v, ms)")) {
            ps.setArray(1, c.createArrayOf("uuid", tripIds(scores)));
            ps.setArray(2, c.createArrayOf("uuid", scores.stream().map(Score::driver).toArray()));
            ps.setArray(3, c.createArrayOf("uuid", scores.stream().map(Score::vehicle).toArray()));
            ps.setArray(
                    4,
                    c.createArrayOf(
                            "int8",
                            scores.stream().map(s -> s.startedAt().toEpochMilli()).toArray()));
            ps.executeUpdate();
        }
    }

    /**
     * Writes a batch in its own transaction; like the job's sink, retries it at once after a
     * deadlock (a batch mixing new and re-scored trips, see sql/init.sql) and counts those.
     */
    private static void upsert(List<Score> batch) throws SQLException {
        while (true) {
            try {
                upsertOnce(batch);
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState())) {
                    throw e;
                }
                DEADLOCKS.incrementAndGet();
            }
        }
    }

    private static void upsertOnce(List<Score> batch) throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            c.setAutoCommit(false);
            // As the job: the trips' rows first, in id order (it adds NOWAIT and retries), so two
            // batches re-scoring the same trips in other orders do not deadlock on driver_scores.
            try (PreparedStatement lock =
                    c.prepareStatement(
                            "SELECT id FROM telemetry.trip_logs WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE")) {
                lock.setArray(1, c.createArrayOf("uuid", tripIds(batch)));
                lock.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setArray(1, c.createArrayOf("uuid", tripIds(batch)));
                ps.setArray(
                        2, c.createArrayOf("uuid", batch.stream().map(Score::driver).toArray()));
                ps.setArray(
                        3, c.createArrayOf("uuid", batch.stream().map(Score::vehicle).toArray()));
                ps.setArray(
                        4,
                        c.createArrayOf(
                                "int8",
                                batch.stream().map(s -> s.startedAt().toEpochMilli()).toArray()));
                ps.setArray(5, c.createArrayOf("int4", batch.stream().map(Score::score).toArray()));
                ps.setArray(6, c.createArrayOf("int4", batch.stream().map(Score::hb).toArray()));
                ps.setArray(7, c.createArrayOf("int4", batch.stream().map(Score::ra).toArray()));
                ps.setArray(8, c.createArrayOf("int4", batch.stream().map(Score::hc).toArray()));
                ps.setArray(9, c.createArrayOf("int4", batch.stream().map(Score::sp).toArray()));
                ps.setArray(10, c.createArrayOf("float8", batch.stream().map(Score::km).toArray()));
                ps.setArray(
                        11,
                        c.createArrayOf("float8", batch.stream().map(Score::durationS).toArray()));
                ps.setArray(
                        12, c.createArrayOf("int4", batch.stream().map(Score::crashes).toArray()));
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    private static void delete(UUID[] trips) throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "DELETE FROM telemetry.driver_scores WHERE trip_id = ANY(?::uuid[])")) {
            ps.setArray(1, c.createArrayOf("uuid", trips));
            ps.executeUpdate();
        }
    }

    private static void exec(String sql) throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void assertExact() throws SQLException {
        assertThat(DB.count(String.format(MISMATCHES, "driver_id", "driver_daily")))
                .as("driver_daily rows differing from a GROUP BY over driver_scores")
                .isZero();
        assertThat(DB.count(String.format(MISMATCHES, "vehicle_id", "vehicle_daily")))
                .as("vehicle_daily rows differing from a GROUP BY over driver_scores")
                .isZero();
        assertThat(DB.count(PAIR_MISMATCHES))
                .as("vehicle_drivers rows differing from a GROUP BY over driver_scores")
                .isZero();
        assertThat(DB.count(FLEET_MISMATCHES))
                .as("fleet_daily days differing from a GROUP BY over driver_scores")
                .isZero();
    }
}
