package io.fleetflow.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.dashboard.DashboardFiles;
import io.fleetflow.gateway.pipeline.PipelineQueries;
import io.fleetflow.gateway.pipeline.QueueDepthProbe;
import io.fleetflow.gateway.publish.RabbitTripPublisher;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.schema.SamplePartitionMaintenance;
import io.fleetflow.model.schema.SamplePartitions;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read API over real HTTP against rows seeded in the real PostgreSQL. */
class ReadApiITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private static final Instant NOW = Instant.now();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final ReadFixtures seed = new ReadFixtures(DB.dataSource());
    private RabbitTripPublisher publisher;
    private QueueDepthProbe probe;
    private Javalin flinkRest;
    private Javalin app;

    @BeforeEach
    void start() throws Exception {
        seed.clearDriverStats();
        flinkRest =
                Javalin.create(c -> c.showJavalinBanner = false)
                        .get(
                                "/jobs/overview",
                                ctx ->
                                        ctx.result(
                                                "{\"jobs\":[{\"jid\":\"j1\",\"name\":\"FleetFlow trip scoring\","
                                                        + "\"state\":\"RUNNING\",\"start-time\":1}]}"))
                        .start("127.0.0.1", 0);
        publisher =
                new RabbitTripPublisher(
                        TestServices.amqpUri(), queue.name(), Duration.ofSeconds(5), 2);
        probe = new QueueDepthProbe(TestServices.amqpUri(), queue.name());
        String restUrl = "http://127.0.0.1:" + flinkRest.port();
        ReadApiController read =
                ReadApi.controller(
                        DB.dataSource(),
                        probe,
                        new ReadApiSettings(restUrl, "http://flink.example/", null));
        app = TestGateway.readApp(DB.dataSource(), publisher, read, DashboardFiles.none());
    }

    @AfterEach
    void stop() {
        app.stop();
        flinkRest.stop();
        probe.close();
        publisher.close();
    }

    @Test
    void fleetSummaryCountsTheWindowByStartDayAndRatesEventsByDistance() throws Exception {
        UUID d1 = UUID.randomUUID(), d2 = UUID.randomUUID(), v = UUID.randomUUID();
        Instant today = NOW.truncatedTo(ChronoUnit.DAYS).plusSeconds(60);
        UUID a = seed.trip(d1, v, today, NOW, 10);
        UUID b = seed.trip(d2, v, today, NOW, 10);
        seed.trip(d2, v, today, NOW, 10); // not scored yet
        UUID older = seed.trip(d1, v, today.minus(3, ChronoUnit.DAYS), NOW, 10);
        UUID outside = seed.trip(d1, UUID.randomUUID(), today.minus(10, ChronoUnit.DAYS), NOW, 10);
        seed.score(a, 80, 50, 2, 0, 0, 1, NOW);
        seed.score(b, 90, 50, 0, 1, 0, 0, NOW);
        seed.score(older, 70, 100, 2, 1, 3, 0, NOW);
        seed.score(outside, 10, 999, 50, 50, 50, 50, NOW);

        JsonNode s = get("/api/v1/fleet/summary?days=7");

        assertThat(s.get("window_days").asInt()).isEqualTo(7);
        assertThat(s.get("trips_today").asLong()).isEqualTo(3);
        assertThat(s.get("trips_window").asLong()).isEqualTo(4);
        assertThat(s.get("distance_km_window").asDouble()).isEqualTo(200.0);
        assertThat(s.get("fleet_score").asDouble()).isEqualTo(80.0);
        JsonNode rates = s.get("events_per_100km");
        assertThat(rates.get("harsh_braking").asDouble()).isEqualTo(2.0);
        assertThat(rates.get("rapid_acceleration").asDouble()).isEqualTo(1.0);
        assertThat(rates.get("harsh_cornering").asDouble()).isEqualTo(1.5);
        assertThat(rates.get("speeding").asDouble()).isEqualTo(0.5);
        assertThat(s.get("drivers").asLong()).isEqualTo(2);
        assertThat(s.get("vehicles").asLong()).isEqualTo(1);
        JsonNode trend = s.get("score_trend");
        assertThat(trend).hasSize(7);
        JsonNode last = trend.get(6);
        assertThat(last.get("date").asText()).isEqualTo(today.toString().substring(0, 10));
        assertThat(last.get("trips").asLong()).isEqualTo(3);
        assertThat(last.get("avg_score").asDouble()).isEqualTo(85.0);
        assertThat(trend.get(3).get("avg_score").asDouble()).isEqualTo(70.0);
        assertThat(trend.get(0).get("avg_score").isNull()).isTrue();
    }

    @Test
    void emptyFleetHasNullScoreAndRatesNotNaN() throws Exception {
        JsonNode s = get("/api/v1/fleet/summary");

        assertThat(s.get("window_days").asInt()).isEqualTo(7);
        assertThat(s.get("trips_window").asLong()).isZero();
        assertThat(s.get("fleet_score").isNull()).isTrue();
        assertThat(s.get("events_per_100km").get("speeding").isNull()).isTrue();
        assertThat(status("/api/v1/fleet/summary?days=0")).isEqualTo(400);
        assertThat(status("/api/v1/fleet/summary?days=x")).isEqualTo(400);
    }

    @Test
    void pipelineShowsBacklogFinishedTripsQueueDepthOldestUnfinishedAndTheFlinkJob()
            throws Exception {
        UUID d = UUID.randomUUID(), v = UUID.randomUUID();
        seed.trip(d, v, NOW, NOW.minusSeconds(120), 10);
        seed.processing(seed.trip(d, v, NOW, NOW.minusSeconds(30), 10));
        // finished within the hour, within the day, and before it
        for (Duration ago :
                List.of(Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofDays(2))) {
            Instant at = NOW.minus(ago);
            seed.score(seed.trip(d, v, at, at, 10), 90, 1, 0, 0, 0, 0, at);
            seed.score(seed.trip(d, v, at, at, 10), 80, 1, 0, 0, 0, 0, at);
            seed.failed(seed.trip(d, v, at, at, 10), "unreadable blob", at);
        }
        publisher.publish(UUID.randomUUID());
        publisher.publish(UUID.randomUUID());

        JsonNode p = get("/api/v1/pipeline");

        assertThat(p.get("unfinished").get("pending").asLong()).isEqualTo(1);
        assertThat(p.get("unfinished").get("processing").asLong()).isEqualTo(1);
        assertThat(p.get("finished_last_hour").get("completed").asLong()).isEqualTo(2);
        assertThat(p.get("finished_last_hour").get("failed").asLong()).isEqualTo(1);
        assertThat(p.get("finished_last_24h").get("completed").asLong()).isEqualTo(4);
        assertThat(p.get("finished_last_24h").get("failed").asLong()).isEqualTo(2);
        assertThat(p.get("queue_depth").asLong()).isEqualTo(2);
        assertThat(p.get("oldest_unfinished_age_s").asDouble()).isBetween(119.0, 180.0);
        JsonNode flink = p.get("flink");
        assertThat(flink.get("state").asText()).isEqualTo("RUNNING");
        assertThat(flink.get("job_id").asText()).isEqualTo("j1");
        assertThat(flink.get("job_name").asText()).isEqualTo("FleetFlow trip scoring");
        assertThat(flink.get("web_ui_url").asText()).isEqualTo("http://flink.example/");
    }

    /** The dashboard polls this view; on a large trip table a full count would read it all. */
    @Test
    void pipelineCountsReadIndexesNotTheWholeTable() throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement()) {
            // The test table is tiny: forbid what a large one would make costly, a sequential
            // scan, and see which index each query reads. A partial index bounds the rows read (to
            // the unfinished, or to those finished in the window); any other index would have to
            // be read whole, as the table would.
            s.execute("SET enable_seqscan = off");
            for (String sql : PipelineQueries.QUERIES) {
                List<String> scans = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
                    while (rs.next()) {
                        String line = rs.getString(1);
                        if (line.contains("Scan") && !line.contains("Bitmap Heap Scan")) {
                            scans.add(line.trim());
                        }
                    }
                }
                assertThat(scans)
                        .as(sql)
                        .isNotEmpty()
                        .allMatch(
                                line ->
                                        line.matches(
                                                ".*Index (Only )?Scan (using|on) trip_logs_"
                                                        + "(unfinished_received|finished|failed)_idx.*"));
            }
        }
    }

    @Test
    void pipelineWithNothingUnfinishedAndFlinkGone() throws Exception {
        flinkRest.stop();

        JsonNode p = get("/api/v1/pipeline");

        assertThat(p.get("oldest_unfinished_age_s").isNull()).isTrue();
        assertThat(p.get("queue_depth").asLong()).isZero();
        assertThat(p.get("flink").get("state").asText()).isEqualTo("UNREACHABLE");
        assertThat(p.get("unfinished").get("pending").asLong()).isZero();
        assertThat(p.get("finished_last_24h").get("completed").asLong()).isZero();
    }

    @Test
    void aDriversScoreTrendIsTheLast20TripsByStartTimeWhateverTheOrderTheyWereScoredIn()
            throws Exception {
        UUID driver = UUID.randomUUID(), v = UUID.randomUUID();
        List<Integer> hoursAgo = new ArrayList<>();
        for (int h = 1; h <= 25; h++) {
            hoursAgo.add(h);
        }
        java.util.Collections.shuffle(hoursAgo, new java.util.Random(7));
        for (int h : hoursAgo) { // the trip that started h hours ago scores 100 - h
            Instant started = NOW.minus(h, ChronoUnit.HOURS);
            seed.score(seed.trip(driver, v, started, NOW, 10), 100 - h, 1, 0, 0, 0, 0, NOW);
        }
        List<Integer> expected = new ArrayList<>();
        for (int h = 20; h >= 1; h--) {
            expected.add(100 - h);
        }

        JsonNode item = get("/api/v1/drivers").get("items").get(0);
        JsonNode detail = get("/api/v1/drivers/" + driver);

        assertThat(item.get("score_trend").toString())
                .isEqualTo(expected.toString().replace(" ", ""));
        assertThat(detail.get("score_trend")).isEqualTo(item.get("score_trend"));
        assertThat(item.get("trips").asLong()).isEqualTo(25);
    }

    @Test
    void driversAreRankedByScoreOrAnyEventRateAndFoundByIdPrefix() throws Exception {
        UUID careful = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
        UUID braker = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000002");
        UUID newcomer = UUID.fromString("cccccccc-0000-4000-8000-000000000003");
        UUID v = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            seed.score(
                    seed.trip(careful, v, NOW.minus(3 - i, ChronoUnit.HOURS), NOW, 10),
                    90 + i,
                    100,
                    0,
                    0,
                    0,
                    0,
                    NOW);
        }
        seed.score(seed.trip(braker, v, NOW, NOW, 10), 60, 50, 5, 0, 0, 0, NOW);
        seed.trip(newcomer, v, NOW, NOW, 10); // nothing scored
        seed.rollingScore(careful, 93);

        JsonNode byScore = get("/api/v1/drivers").get("items");
        assertThat(ids(byScore, "driver_id"))
                .containsExactly(careful.toString(), braker.toString(), newcomer.toString());
        JsonNode first = byScore.get(0);
        assertThat(first.get("trips").asLong()).isEqualTo(3);
        assertThat(first.get("distance_km").asDouble()).isEqualTo(300.0);
        assertThat(first.get("avg_score").asDouble()).isEqualTo(91.0);
        assertThat(first.get("rolling_score").asInt()).isEqualTo(93);
        assertThat(first.get("score_trend").toString()).isEqualTo("[90,91,92]");
        assertThat(first.get("last_trip_at").asText()).isNotBlank();
        assertThat(byScore.get(1).get("events_per_100km").get("harsh_braking").asDouble())
                .isEqualTo(10.0);
        assertThat(byScore.get(1).get("rolling_score").isNull()).isTrue();
        JsonNode newcomerRow = byScore.get(2);
        assertThat(newcomerRow.get("avg_score").isNull()).isTrue();
        assertThat(newcomerRow.get("events_per_100km").get("speeding").isNull()).isTrue();

        assertThat(ids(get("/api/v1/drivers?sort=score&order=asc").get("items"), "driver_id"))
                .containsExactly(braker.toString(), careful.toString(), newcomer.toString());
        assertThat(ids(get("/api/v1/drivers?sort=harsh_braking").get("items"), "driver_id"))
                .startsWith(braker.toString(), careful.toString());
        assertThat(ids(get("/api/v1/drivers?search=BBBB").get("items"), "driver_id"))
                .containsExactly(braker.toString());
        assertThat(get("/api/v1/drivers?search=zz%25").get("items")).isEmpty();
        assertThat(status("/api/v1/drivers?sort=name")).isEqualTo(400);
        assertThat(status("/api/v1/drivers?order=up")).isEqualTo(400);
    }

    @Test
    void driverDetailAddsDailyHistoryAndEventCounts() throws Exception {
        UUID d = UUID.randomUUID(), v = UUID.randomUUID();
        Instant today = NOW.truncatedTo(ChronoUnit.DAYS).plusSeconds(60);
        seed.score(seed.trip(d, v, today, NOW, 10), 80, 40, 1, 2, 0, 1, NOW);
        seed.score(seed.trip(d, v, today.plusSeconds(60), NOW, 10), 90, 40, 0, 0, 3, 0, NOW);
        seed.score(
                seed.trip(d, v, today.minus(2, ChronoUnit.DAYS), NOW, 10), 70, 20, 0, 0, 0, 0, NOW);
        seed.score(
                seed.trip(d, v, today.minus(40, ChronoUnit.DAYS), NOW, 10),
                10,
                20,
                0,
                0,
                0,
                0,
                NOW);

        JsonNode driver = get("/api/v1/drivers/" + d);

        assertThat(driver.get("driver_id").asText()).isEqualTo(d.toString());
        assertThat(driver.get("trips").asLong()).isEqualTo(4);
        JsonNode history = driver.get("score_history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("trips").asLong()).isEqualTo(2);
        assertThat(history.get(1).get("avg_score").asDouble()).isEqualTo(85.0);
        assertThat(history.get(0).get("avg_score").asDouble()).isEqualTo(70.0);
        JsonNode counts = driver.get("event_counts");
        assertThat(counts.get("harsh_braking").asLong()).isEqualTo(1);
        assertThat(counts.get("rapid_acceleration").asLong()).isEqualTo(2);
        assertThat(counts.get("harsh_cornering").asLong()).isEqualTo(3);
        assertThat(counts.get("speeding").asLong()).isEqualTo(1);
        assertThat(status("/api/v1/drivers/" + UUID.randomUUID())).isEqualTo(404);
        assertThat(status("/api/v1/drivers/not-a-uuid")).isEqualTo(404);
    }

    @Test
    void tripsListFiltersAndWalksEveryPageNewestFirst() throws Exception {
        UUID d1 = UUID.randomUUID(), d2 = UUID.randomUUID(), v = UUID.randomUUID();
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(
                    0,
                    seed.trip(
                            i % 2 == 0 ? d1 : d2,
                            v,
                            NOW.minus(5 - i, ChronoUnit.DAYS),
                            NOW.minusSeconds(100 - i),
                            10));
        }
        seed.score(newestFirst.get(0), 77, 12.5, 1, 2, 3, 4, NOW);

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page =
                    get("/api/v1/trips?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            walked.addAll(ids(page.get("items"), "trip_id"));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(walked)
                .containsExactlyElementsOf(newestFirst.stream().map(UUID::toString).toList());

        JsonNode newest = get("/api/v1/trips?limit=1").get("items").get(0);
        assertThat(newest.get("safety_score").asInt()).isEqualTo(77);
        assertThat(newest.get("speeding_count").asInt()).isEqualTo(4);
        assertThat(newest.get("distance_km").asDouble()).isEqualTo(12.5);
        assertThat(newest.get("duration_s").asDouble()).isEqualTo(600.0);
        assertThat(
                        get("/api/v1/trips?limit=1&status=PENDING")
                                .get("items")
                                .get(0)
                                .get("safety_score")
                                .isNull())
                .isTrue();

        assertThat(get("/api/v1/trips?driver_id=" + d2).get("items")).hasSize(2);
        assertThat(get("/api/v1/trips?vehicle_id=" + v + "&status=completed").get("items"))
                .hasSize(1);
        String from = NOW.minus(3, ChronoUnit.DAYS).minusSeconds(1).toString();
        String to = NOW.minus(1, ChronoUnit.DAYS).minusSeconds(1).toString();
        assertThat(ids(get("/api/v1/trips?from=" + from + "&to=" + to).get("items"), "trip_id"))
                .containsExactly(newestFirst.get(1).toString(), newestFirst.get(2).toString());
        assertThat(status("/api/v1/trips?limit=201")).isEqualTo(400);
        assertThat(status("/api/v1/trips?driver_id=x")).isEqualTo(400);
        assertThat(status("/api/v1/trips?status=LOST")).isEqualTo(400);
        assertThat(status("/api/v1/trips?from=yesterday")).isEqualTo(400);
        assertThat(status("/api/v1/trips?cursor=abc")).isEqualTo(400);
    }

    @Test
    void tripDetailTellsItsStoryWithEventsAndStatusHistory() throws Exception {
        UUID d = UUID.randomUUID(), v = UUID.randomUUID();
        Instant received = NOW.minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        UUID trip = seed.trip(d, v, NOW.minusSeconds(700), received, 10);
        seed.published(trip, received.plusMillis(5));
        seed.score(trip, 85, 8.2, 1, 0, 0, 1, received.plusSeconds(2));
        seed.event(trip, 0, "HARSH_BRAKING", 1200, 2100, 0.52, "HARSH");
        seed.event(trip, 1, "SPEEDING", 3000, 9000, 131.0, "SEVERE");
        UUID failed = seed.trip(d, v, NOW, NOW, 10);
        seed.failed(failed, "unreadable blob", NOW);

        JsonNode t = get("/api/v1/trips/" + trip);

        assertThat(t.get("trip_id").asText()).isEqualTo(trip.toString());
        assertThat(t.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(t.get("safety_score").asInt()).isEqualTo(85);
        assertThat(t.get("scoring_version").asText()).isEqualTo("test-1");
        assertThat(t.get("max_speed_kmh").asDouble()).isEqualTo(97.5);
        assertThat(t.get("speeding_seconds").asDouble()).isEqualTo(4.5);
        assertThat(t.get("completed_at").asText()).isNotBlank();
        assertThat(t.get("events")).hasSize(2);
        JsonNode braking = t.get("events").get(0);
        assertThat(braking.get("seq").asInt()).isZero();
        assertThat(braking.get("type").asText()).isEqualTo("HARSH_BRAKING");
        assertThat(braking.get("start_ms").asLong()).isEqualTo(1200);
        assertThat(braking.get("end_ms").asLong()).isEqualTo(2100);
        assertThat(braking.get("peak").asDouble()).isEqualTo(0.52);
        assertThat(braking.get("severity").asText()).isEqualTo("HARSH");
        assertThat(ids(t.get("status_history"), "status"))
                .containsExactly("PENDING", "QUEUED", "COMPLETED");
        assertThat(Instant.parse(t.get("status_history").get(0).get("at").asText()))
                .isEqualTo(received);

        JsonNode f = get("/api/v1/trips/" + failed);
        assertThat(f.get("failure_reason").asText()).isEqualTo("unreadable blob");
        assertThat(f.get("safety_score").isNull()).isTrue();
        assertThat(f.get("events")).isEmpty();
        assertThat(ids(f.get("status_history"), "status")).containsExactly("PENDING", "FAILED");
        assertThat(status("/api/v1/trips/" + UUID.randomUUID())).isEqualTo(404);
        assertThat(status("/api/v1/trips/nope")).isEqualTo(404);
    }

    @Test
    void aCrashComesBackWithItsImpactAndTheTripWithItsSensing() throws Exception {
        UUID d = UUID.randomUUID(), v = UUID.randomUUID();
        UUID trip = seed.trip(d, v, NOW.minusSeconds(700), NOW.minusSeconds(10), 10);
        seed.score(trip, 40, 8.2, 1, 0, 0, 0, NOW.minusSeconds(5));
        seed.sensing(trip, 1, 12.5, true);
        seed.event(trip, 0, "HARSH_BRAKING", 1200, 2100, 0.52, "HARSH");
        seed.crash(trip, 1, 30_000, 2.8, "SEVERE", 31.5, 52.0, null);
        UUID before = seed.trip(d, v, NOW.minusSeconds(900), NOW.minusSeconds(20), 10);
        seed.score(before, 90, 5.0, 0, 0, 0, 0, NOW.minusSeconds(15));

        // The brake was dismissed in the safety inbox; a stale review of another type on seq 1 (as
        // a re-score with another model could leave) does not attach to the crash.
        seed.exec(
                "INSERT INTO telemetry.event_reviews (trip_id, seq, event_type, start_ms, end_ms,"
                        + " status, reason, updated_by) VALUES (?, 0, 'HARSH_BRAKING', 1200, 2100,"
                        + " 'dismissed', 'pothole', 'ops'), (?, 1, 'HARSH_CORNERING', 30000, 30100,"
                        + " 'reviewed', NULL, 'ops')",
                trip,
                trip);

        JsonNode t = get("/api/v1/trips/" + trip);

        assertThat(t.get("events").get(0).get("review_status").asText()).isEqualTo("dismissed");
        assertThat(t.get("events").get(1).get("review_status").asText()).isEqualTo("needs_review");
        assertThat(t.get("crash_count").asInt()).isEqualTo(1);
        assertThat(t.get("mount_yaw_deg").asDouble()).isEqualTo(12.5);
        assertThat(t.get("crash_detection").asBoolean()).isTrue();
        JsonNode braking = t.get("events").get(0);
        assertThat(braking.get("delta_v_kmh").isNull()).isTrue();
        assertThat(braking.get("speed_before_kmh").isNull()).isTrue();
        assertThat(braking.get("speed_after_kmh").isNull()).isTrue();
        JsonNode crash = t.get("events").get(1);
        assertThat(crash.get("type").asText()).isEqualTo("CRASH");
        assertThat(crash.get("severity").asText()).isEqualTo("SEVERE");
        assertThat(crash.get("peak").asDouble()).isEqualTo(2.8);
        assertThat(crash.get("delta_v_kmh").asDouble()).isEqualTo(31.5);
        assertThat(crash.get("speed_before_kmh").asDouble()).isEqualTo(52.0);
        assertThat(crash.get("speed_after_kmh").isNull()).isTrue();

        // Scored before crashes were looked for: no crash counted, the sensing unknown.
        JsonNode old = get("/api/v1/trips/" + before);
        assertThat(old.get("crash_count").asInt()).isZero();
        assertThat(old.get("mount_yaw_deg").isNull()).isTrue();
        assertThat(old.get("crash_detection").isNull()).isTrue();
        // Not scored yet: every score field null, present.
        UUID pending = seed.trip(d, v, NOW, NOW, 10);
        JsonNode p = get("/api/v1/trips/" + pending);
        assertThat(p.get("crash_count").isNull()).isTrue();
        assertThat(p.get("crash_detection").isNull()).isTrue();
        JsonNode listed = get("/api/v1/trips?driver_id=" + d).get("items");
        assertThat(ids(listed, "crash_count")).containsExactly("null", "1", "0");

        // The driver's crashes: a count over the scored trips, in the detail and the list.
        assertThat(get("/api/v1/drivers/" + d).get("crashes").asLong()).isEqualTo(1);
        JsonNode byCrashes =
                get("/api/v1/drivers?sort=crashes&order=desc&search=" + d).get("items");
        assertThat(byCrashes).hasSize(1);
        assertThat(byCrashes.get(0).get("crashes").asLong()).isEqualTo(1);
    }

    @Test
    void samplesAreDownsampledWithPeaksKept() throws Exception {
        int n = 100_000;
        double[] speed = new double[n];
        double[] gLong = new double[n];
        Arrays.fill(speed, 60);
        gLong[54_321] = -0.87;
        UUID trip =
                seed.trip(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        NOW,
                        NOW,
                        new TripSamples(null, 10.0, speed, gLong, new double[n]));

        JsonNode s = get("/api/v1/trips/" + trip + "/samples?max_points=1000");

        assertThat(s.get("sample_count").asInt()).isEqualTo(n);
        assertThat(s.get("downsampled").asBoolean()).isTrue();
        assertThat(s.get("t_ms")).hasSize(1000);
        assertThat(s.get("speed_kmh")).hasSize(1000);
        assertThat(s.get("g_force_lat")).hasSize(1000);
        assertThat(s.get("g_force_long").toString()).contains("-0.87");
        assertThat(s.get("t_ms").get(999).asLong()).isEqualTo((n - 1) * 100L);

        JsonNode whole = get("/api/v1/trips/" + trip + "/samples?max_points=20000");
        assertThat(whole.get("t_ms")).hasSize(20_000);
        assertThat(status("/api/v1/trips/" + trip + "/samples?max_points=1")).isEqualTo(400);
        assertThat(status("/api/v1/trips/" + UUID.randomUUID() + "/samples")).isEqualTo(404);
    }

    @Test
    void aTripWhoseSamplesRetentionDroppedKeepsItsScoreAndSaysSo() throws Exception {
        UUID d = UUID.randomUUID(), v = UUID.randomUUID();
        Instant longAgo = NOW.minus(Duration.ofDays(200));
        UUID old = seed.trip(d, v, longAgo, longAgo, 10);
        seed.score(old, 77, 5.0, 1, 0, 0, 0, longAgo.plusSeconds(3));
        seed.event(old, 0, "HARSH_BRAKING", 1200, 2100, 0.52, "HARSH");
        UUID recent = seed.trip(d, v, NOW, NOW, 10);
        assertThat(get("/api/v1/trips/" + old).get("samples_available").asBoolean()).isTrue();

        SamplePartitionMaintenance.ensure(DB.dataSource(), NOW, 1);
        assertThat(
                        SamplePartitionMaintenance.dropExpired(
                                        DB.dataSource(), NOW, Duration.ofDays(90))
                                .dropped())
                .contains(SamplePartitions.Week.of(longAgo));

        JsonNode t = get("/api/v1/trips/" + old);
        assertThat(t.get("samples_available").asBoolean()).isFalse();
        assertThat(t.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(t.get("safety_score").asInt()).isEqualTo(77);
        assertThat(t.get("events")).hasSize(1);
        HttpResponse<String> gone = send("/api/v1/trips/" + old + "/samples");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.headers().firstValue("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        assertThat(json.readTree(gone.body()).get("type").asText()).endsWith("samples-dropped");
        assertThat(get("/api/v1/trips/" + recent).get("samples_available").asBoolean()).isTrue();
        assertThat(get("/api/v1/trips/" + recent + "/samples").get("sample_count").asInt())
                .isEqualTo(10);
    }

    @Test
    void vehiclesListTheirTripsDriversAndScores() throws Exception {
        UUID v1 = UUID.randomUUID(), v2 = UUID.randomUUID();
        seed.score(
                seed.trip(UUID.randomUUID(), v1, NOW.minusSeconds(100), NOW, 10),
                80,
                10,
                0,
                0,
                0,
                0,
                NOW);
        seed.score(
                seed.trip(UUID.randomUUID(), v1, NOW.minusSeconds(50), NOW, 10),
                90,
                5,
                0,
                0,
                0,
                0,
                NOW);
        seed.trip(UUID.randomUUID(), v2, NOW.minusSeconds(500), NOW, 10);

        JsonNode items = get("/api/v1/vehicles").get("items");

        assertThat(ids(items, "vehicle_id")).containsExactly(v1.toString(), v2.toString());
        assertThat(items.get(0).get("trips").asLong()).isEqualTo(2);
        assertThat(items.get(0).get("drivers").asLong()).isEqualTo(2);
        assertThat(items.get(0).get("distance_km").asDouble()).isEqualTo(15.0);
        assertThat(items.get(0).get("avg_score").asDouble()).isEqualTo(85.0);
        assertThat(items.get(1).get("avg_score").isNull()).isTrue();
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get(field).asText()));
        return ids;
    }

    @Test
    void everyListAndDetailShowsRegisteredNamesAndUnregisteredAsNullAndCar() throws Exception {
        UUID known = UUID.randomUUID(), stranger = UUID.randomUUID();
        UUID truck = UUID.randomUUID(), unknownVehicle = UUID.randomUUID();
        seed.registerDriver(known, "Grace Hopper", "P-1906");
        seed.registerVehicle(truck, "Truck 7", "heavy_truck");
        UUID registeredTrip = seed.trip(known, truck, NOW, NOW, 10);
        UUID strangerTrip = seed.trip(stranger, unknownVehicle, NOW, NOW.minusSeconds(1), 10);
        seed.score(registeredTrip, 80, 10, 0, 0, 0, 0, NOW);

        JsonNode byClass = get("/api/v1/fleet/summary").get("vehicles_by_class");
        assertThat(byClass.get("heavy_truck").asLong()).isEqualTo(1);
        assertThat(byClass.get("car").asLong()).isEqualTo(1);
        assertThat(byClass.get("van").asLong()).isZero();
        assertThat(byClass.get("bus").asLong()).isZero();

        JsonNode trips = get("/api/v1/trips").get("items");
        assertThat(trips.get(0).get("trip_id").asText()).isEqualTo(registeredTrip.toString());
        assertThat(trips.get(0).get("driver_name").asText()).isEqualTo("Grace Hopper");
        assertThat(trips.get(0).get("vehicle_name").asText()).isEqualTo("Truck 7");
        assertThat(trips.get(0).get("vehicle_class").asText()).isEqualTo("heavy_truck");
        assertThat(trips.get(1).get("driver_name").isNull()).isTrue();
        assertThat(trips.get(1).get("vehicle_name").isNull()).isTrue();
        assertThat(trips.get(1).get("vehicle_class").asText()).isEqualTo("car");

        JsonNode detail = get("/api/v1/trips/" + strangerTrip);
        assertThat(detail.get("driver_name").isNull()).isTrue();
        assertThat(detail.get("vehicle_class").asText()).isEqualTo("car");
        assertThat(get("/api/v1/trips/" + registeredTrip).get("vehicle_name").asText())
                .isEqualTo("Truck 7");

        JsonNode drivers = get("/api/v1/drivers?sort=trips").get("items");
        assertThat(drivers).hasSize(2);
        for (JsonNode d : drivers) {
            boolean isKnown = d.get("driver_id").asText().equals(known.toString());
            assertThat(d.get("driver_name").isNull()).isEqualTo(!isKnown);
        }
        assertThat(ids(get("/api/v1/drivers?search=hOPPer").get("items"), "driver_id"))
                .containsExactly(known.toString());
        assertThat(
                        ids(
                                get("/api/v1/drivers?search=" + stranger.toString().substring(0, 6))
                                        .get("items"),
                                "driver_id"))
                .containsExactly(stranger.toString());
        assertThat(get("/api/v1/drivers?search=gr_ce").get("items")).isEmpty();
        JsonNode knownDetail = get("/api/v1/drivers/" + known);
        assertThat(knownDetail.get("driver_name").asText()).isEqualTo("Grace Hopper");
        assertThat(knownDetail.get("external_ref").asText()).isEqualTo("P-1906");
        assertThat(knownDetail.get("active").asBoolean()).isTrue();
        assertThat(knownDetail.get("trips").asLong()).isEqualTo(1);
        JsonNode strangerDetail = get("/api/v1/drivers/" + stranger);
        assertThat(strangerDetail.get("driver_name").isNull()).isTrue();
        assertThat(strangerDetail.get("active").isNull()).isTrue();

        JsonNode vehicles = get("/api/v1/vehicles").get("items");
        assertThat(vehicles).hasSize(2);
        for (JsonNode v : vehicles) {
            boolean isTruck = v.get("vehicle_id").asText().equals(truck.toString());
            assertThat(v.get("vehicle_name").isNull()).isEqualTo(!isTruck);
            assertThat(v.get("vehicle_class").asText()).isEqualTo(isTruck ? "heavy_truck" : "car");
        }
    }

    @Test
    void aRegisteredDriverWithoutTripsHasZeroStatisticsAndAnUnknownOneIsNotFound()
            throws Exception {
        UUID registered = UUID.randomUUID();
        seed.registerDriver(registered, "New Hire", null);

        JsonNode d = get("/api/v1/drivers/" + registered);

        assertThat(d.get("driver_name").asText()).isEqualTo("New Hire");
        assertThat(d.get("external_ref").isNull()).isTrue();
        assertThat(d.get("trips").asLong()).isZero();
        assertThat(d.get("avg_score").isNull()).isTrue();
        assertThat(d.get("score_history")).isEmpty();
        assertThat(d.get("event_counts").get("speeding").asLong()).isZero();
        assertThat(status("/api/v1/drivers/" + UUID.randomUUID())).isEqualTo(404);
        assertThat(get("/api/v1/drivers").get("items"))
                .as("the list shows drivers with trips")
                .isEmpty();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return json.readTree(response.body());
    }

    private int status(String path) throws Exception {
        HttpResponse<String> response = send(path);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        }
        return response.statusCode();
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
