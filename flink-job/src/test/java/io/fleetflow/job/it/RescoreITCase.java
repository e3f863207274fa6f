package io.fleetflow.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetflow.job.it.ExactlyOnceUnderFailureITCase.FailOnce;
import io.fleetflow.job.it.ExactlyOnceUnderFailureITCase.FailOnceSinks;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RescoreOptions;
import io.fleetflow.job.rescore.RescoreJob;
import io.fleetflow.job.rescore.RescoreProgress;
import io.fleetflow.job.rescore.RescoreSelection;
import io.fleetflow.job.rescore.SelectedTripIds;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.scoring.TripScore;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Re-scoring history while the scoring job runs: {@value #TRIPS} trips are scored, then a third of
 * them get other samples (as a changed configuration or a dismissed event would change their
 * result), and {@link RescoreJob} re-scores the whole range. Afterwards every trip is still
 * COMPLETED with one score row of its current revision, and every driver's statistics equal the sum
 * over those rows — the old revisions replaced, not added to — also when the scoring job fails in
 * the middle of the re-scoring and restores from its checkpoint.
 */
class RescoreITCase {

    private static final int TRIPS = 300;
    private static final int DRIVERS = 6;

    /** Trips whose samples are dropped (as retention does) before re-scoring: skipped, counted. */
    private static final int WITHOUT_SAMPLES = 5;

    private static final Duration SETTLE = Duration.ofMinutes(2);

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private final TripScorer scorer = Scorers.defaultScorer();

    @Test
    void rescoredTripsReplaceTheirOldRevisionInScoresAndDriverStatistics() throws Exception {
        rescoreWhileTheScoringJobRuns(false);
    }

    @Test
    void theScoringJobFailsMidRescoreAndTheInvariantStillHolds() throws Exception {
        rescoreWhileTheScoringJobRuns(true);
    }

    private void rescoreWhileTheScoringJobRuns(boolean failMidRescore) throws Exception {
        SeededTrips seeded =
                SeededTrips.seed(TRIPS, DRIVERS, DB.dataSource(), queue.name(), scorer);
        JobOptions options = JobRig.options(queue.name(), "fleetflow-it-" + queue.name()).build();
        FailOnce.reset();
        try (JobRig job =
                JobRig.start(options, new FailOnceSinks(new JdbcResultSinks(options)), scorer)) {
            ScoringAssertions.awaitAllCompleted(DB, TRIPS, SETTLE);
            ScoringAssertions.assertEveryTripScoredExactlyOnce(DB, seeded);
            ScoringAssertions.assertDriverStatsEqualSumOverTrips(DB, DRIVERS, SETTLE);
            long eventsBefore = totalEvents();

            Map<UUID, TripScore> expected = reviseAThirdOfTheTrips(seeded);
            List<UUID> withoutSamples = dropSamplesOfSomeUnrevisedTrips(expected.keySet());
            RescoreProgress progress = new RescoreProgress(selectionOfEveryTrip());
            try (Connection c = DB.dataSource().getConnection()) {
                assertThat(progress.selected(c)).isEqualTo(TRIPS - WITHOUT_SAMPLES);
                assertThat(progress.withoutSamples(c)).isEqualTo(WITHOUT_SAMPLES);
            }
            Timestamp rescoreStarted = now();
            if (failMidRescore) {
                await().atMost(SETTLE).until(() -> job.completedCheckpoints() >= 1);
                FailOnce.ARMED.set(true); // the first re-scored trip fails the scoring job
            }
            JobClient rescore = startRescore(options);
            Long skipped =
                    rescore.getJobExecutionResult()
                            .get()
                            .getAccumulatorResult(SelectedTripIds.SKIPPED_SAMPLES_DROPPED);
            assertThat(skipped).as("trips skipped for want of samples").isEqualTo(WITHOUT_SAMPLES);

            await().atMost(SETTLE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () ->
                                    DB.count(
                                                    "SELECT count(*) FROM telemetry.driver_scores"
                                                            + " WHERE scored_at >= ?",
                                                    rescoreStarted)
                                            == TRIPS - WITHOUT_SAMPLES);
            for (UUID trip : withoutSamples) {
                assertThat(
                                DB.count(
                                        "SELECT count(*) FROM telemetry.driver_scores"
                                                + " WHERE trip_id = ? AND scored_at < ?",
                                        trip,
                                        rescoreStarted))
                        .as("a trip without samples keeps its score, not re-scored")
                        .isEqualTo(1);
            }
            assertThat(
                            DB.count(
                                    "SELECT count(*) FROM telemetry.trip_logs WHERE status <> 'COMPLETED'"))
                    .as("re-scored trips stay COMPLETED")
                    .isZero();
            assertScores(expected);
            ScoringAssertions.assertDriverStatsEqualSumOverTrips(DB, DRIVERS, SETTLE);
            assertThat(totalEvents())
                    .as("the revision changed the events")
                    .isNotEqualTo(eventsBefore);
            if (failMidRescore) {
                assertThat(FailOnce.FAILED.get()).as("the injected failure fired").isTrue();
                assertThat(job.restarts()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    /**
     * Gives every third trip the samples of a trip of another driver (its own start, driver and
     * vehicle stay); returns each trip's expected score after re-scoring.
     */
    private Map<UUID, TripScore> reviseAThirdOfTheTrips(SeededTrips seeded) throws Exception {
        List<SeededTrips.Expected> trips = new ArrayList<>(seeded.byTrip().values());
        trips.sort((a, b) -> a.tripId().compareTo(b.tripId()));
        Map<UUID, TripScore> expected = new HashMap<>();
        trips.forEach(t -> expected.put(t.tripId(), t.score()));
        // The samples live in trip_samples (docs/storage.md), the count on the trip's row.
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "WITH donor AS (SELECT telemetry_blob, telemetry_bin FROM telemetry.trip_samples"
                                        + " WHERE trip_id = ?),"
                                        + " moved AS (UPDATE telemetry.trip_samples s"
                                        + " SET (telemetry_blob, telemetry_bin) = (SELECT telemetry_blob, telemetry_bin FROM donor)"
                                        + " WHERE s.trip_id = ? RETURNING s.trip_id)"
                                        + " UPDATE telemetry.trip_logs t SET sample_count = d.sample_count"
                                        + " FROM telemetry.trip_logs d, moved"
                                        + " WHERE t.id = moved.trip_id AND d.id = ?")) {
            for (int i = 0; i < trips.size(); i += 3) {
                SeededTrips.Expected trip = trips.get(i);
                SeededTrips.Expected donor = donorFor(trip, trips, i);
                ps.setObject(1, donor.tripId());
                ps.setObject(2, trip.tripId());
                ps.setObject(3, donor.tripId());
                assertThat(ps.executeUpdate()).isEqualTo(1);
                expected.put(trip.tripId(), donor.score());
            }
        }
        return expected;
    }

    /**
     * Deletes the samples of {@link #WITHOUT_SAMPLES} trips that keep their own samples and are
     * nobody's donor any more (the copies are made), as retention's partition drop leaves them.
     */
    private List<UUID> dropSamplesOfSomeUnrevisedTrips(Set<UUID> all) throws Exception {
        List<UUID> trips = new ArrayList<>(all);
        trips.sort(UUID::compareTo);
        List<UUID> dropped = new ArrayList<>();
        for (int i = 1; dropped.size() < WITHOUT_SAMPLES; i += 3) {
            UUID trip = trips.get(i);
            try (Connection c = DB.dataSource().getConnection();
                    PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM telemetry.trip_samples WHERE trip_id = ?")) {
                ps.setObject(1, trip);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            dropped.add(trip);
        }
        return dropped;
    }

    /**
     * A trip of another driver whose events differ in number, and which keeps its own samples (its
     * index is not a multiple of three).
     */
    private static SeededTrips.Expected donorFor(
            SeededTrips.Expected trip, List<SeededTrips.Expected> trips, int at) {
        for (int k = 1; k < trips.size(); k++) {
            int index = (at + k) % trips.size();
            SeededTrips.Expected d = trips.get(index);
            if (index % 3 != 0
                    && !d.driverId().equals(trip.driverId())
                    && d.score().events().size() != trip.score().events().size()) {
                return d;
            }
        }
        throw new AssertionError("no donor for " + trip.tripId());
    }

    private JobClient startRescore(JobOptions streaming) throws Exception {
        JobOptions options = everyTripOptions();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(JobRig.PARALLELISM, conf);
        return new RescoreJob(RescoreSelection.of(options), options).start(env);
    }

    private RescoreSelection selectionOfEveryTrip() throws Exception {
        return RescoreSelection.of(everyTripOptions());
    }

    /** Re-scoring options selecting every trip of the test: the days of the first to the last. */
    private JobOptions everyTripOptions() throws Exception {
        String from;
        String to;
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT min(started_at), max(started_at) FROM telemetry.trip_logs");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            from = rs.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
            to = rs.getTimestamp(2).toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        return JobRig.options(queue.name(), "unused")
                .set(RescoreOptions.FROM, from)
                .set(RescoreOptions.TO, to)
                .set(RescoreOptions.PAGE_SIZE, 37) // several pages per slice
                .build();
    }

    private static void assertScores(Map<UUID, TripScore> expected) throws Exception {
        assertThat(DB.count("SELECT count(*) FROM telemetry.driver_scores")).isEqualTo(TRIPS);
        String sql =
                "SELECT s.trip_id, s.safety_score, s.harsh_braking_count, s.rapid_accel_count,"
                        + " s.harsh_cornering_count, s.speeding_count,"
                        + " (SELECT count(*) FROM telemetry.trip_events e WHERE e.trip_id = s.trip_id)"
                        + " FROM telemetry.driver_scores s";
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UUID tripId = rs.getObject(1, UUID.class);
                TripScore score = expected.get(tripId);
                assertThat(rs.getInt(2))
                        .as("safety score of trip %s", tripId)
                        .isEqualTo(score.safetyScore());
                assertThat(rs.getInt(3)).isEqualTo(score.harshBrakingCount());
                assertThat(rs.getInt(4)).isEqualTo(score.rapidAccelCount());
                assertThat(rs.getInt(5)).isEqualTo(score.harshCorneringCount());
                assertThat(rs.getInt(6)).isEqualTo(score.speedingCount());
                assertThat(rs.getInt(7)).isEqualTo(score.events().size());
            }
        }
    }

    private static long totalEvents() throws Exception {
        return DB.count("SELECT count(*) FROM telemetry.trip_events");
    }

    private static Timestamp now() throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT clock_timestamp()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }
}
