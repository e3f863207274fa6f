package io.fleetflow.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.auth.ApiKeyRole;
import io.fleetflow.gateway.auth.ApiKeyStore;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TripSeeder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The safety inbox's review routes over real HTTP against the real PostgreSQL, authentication on:
 * each status change with its log row, dismissal needs a reason, a repeated request changes
 * nothing, who may write, 404s, and a re-score request written exactly when dismissal changed.
 */
class EventReviewApiITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private final ObjectMapper json = new ObjectMapper();
    private Gateway gateway;
    private GatewayHttp http;
    private String operator;
    private String device;
    private UUID trip;

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(TestGateway.authenticated(queue.name()));
        http = new GatewayHttp(gateway::port);
        operator = gateway.devCredentials().orElseThrow().operatorToken();
        device = gateway.devCredentials().orElseThrow().deviceKey();
        trip = new TripSeeder(DB.dataSource()).store(GatewayHttp.EXAMPLE);
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO telemetry.trip_events (trip_id, seq, event_type,"
                                        + " start_ms, end_ms, peak, severity) VALUES"
                                        + " (?, 0, 'HARSH_BRAKING', 1000, 2000, 0.6, 'HARSH'),"
                                        + " (?, 1, 'SPEEDING', 5000, 9000, 131, 'SEVERE')")) {
            ps.setObject(1, trip);
            ps.setObject(2, trip);
            ps.executeUpdate();
        }
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void anUnreviewedEventNeedsReviewWithAnEmptyLog() throws Exception {
        HttpResponse<String> r = http.get(path(trip, 1), operator);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.at("/review/status").asText()).isEqualTo("needs_review");
        assertThat(body.at("/review/event_type").asText()).isEqualTo("SPEEDING");
        assertThat(body.at("/review/start_ms").asLong()).isEqualTo(5000);
        assertThat(body.get("log")).isEmpty();
    }

    @Test
    void eachStatusChangeIsStoredAndLoggedWithWhoAndWhen() throws Exception {
        String[] statuses = {"needs_coaching", "coached", "reviewed", "needs_review"};
        String before = "needs_review";
        for (String status : statuses) {
            HttpResponse<String> r =
                    post(path(trip, 0), "{\"status\":\"" + status + "\",\"comment\":\"c\"}");
            assertThat(r.statusCode()).as(status).isEqualTo(202);
            JsonNode saved = json.readTree(r.body());
            assertThat(saved.at("/review/status").asText()).isEqualTo(status);
            assertThat(saved.at("/review/updated_by").asText()).startsWith("dev operator token");
            assertThat(saved.at("/changed").asBoolean()).isTrue();
            assertThat(saved.at("/rescore_requested").asBoolean()).isFalse();
            before = status;
        }
        JsonNode read = json.readTree(http.get(path(trip, 0), operator).body());
        assertThat(read.at("/review/status").asText()).isEqualTo(before);
        JsonNode log = read.get("log");
        assertThat(log).hasSize(4);
        assertThat(log.get(0).get("old_status").asText()).isEqualTo("needs_review");
        assertThat(log.get(0).get("new_status").asText()).isEqualTo("needs_coaching");
        assertThat(log.get(1).get("old_status").asText()).isEqualTo("needs_coaching");
        assertThat(log.get(3).get("new_status").asText()).isEqualTo("needs_review");
        for (JsonNode row : log) {
            assertThat(row.get("changed_by").asText()).startsWith("dev operator token");
            assertThat(row.get("changed_at").isNull()).isFalse();
            assertThat(row.get("comment").asText()).isEqualTo("c");
        }
        assertThat(rescoreRequests()).isZero();
    }

    @Test
    void dismissingNeedsAReasonAndRequestsOneRescorePerChangeOfDismissal() throws Exception {
        HttpResponse<String> noReason = post(path(trip, 0), "{\"status\":\"dismissed\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(pointers(noReason)).containsExactly("/reason");
        HttpResponse<String> blank =
                post(path(trip, 0), "{\"status\":\"dismissed\",\"reason\":\"   \"}");
        assertThat(pointers(blank)).containsExactly("/reason");
        assertThat(DB.count("SELECT count(*) FROM telemetry.event_reviews")).isZero();

        String dismiss = "{\"status\":\"dismissed\",\"reason\":\"pothole, not the driver\"}";
        HttpResponse<String> first = post(path(trip, 0), dismiss);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json.readTree(first.body()).at("/rescore_requested").asBoolean()).isTrue();
        assertThat(json.readTree(first.body()).at("/review/reason").asText())
                .isEqualTo("pothole, not the driver");
        assertThat(rescoreRequests()).isEqualTo(1);

        HttpResponse<String> again = post(path(trip, 0), dismiss);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json.readTree(again.body()).at("/changed").asBoolean()).isFalse();
        assertThat(logRows()).isEqualTo(1);
        assertThat(rescoreRequests()).isEqualTo(1);

        // A new reason is a change, but not of dismissal: logged, no re-score.
        post(path(trip, 0), "{\"status\":\"dismissed\",\"reason\":\"sensor glitch\"}");
        assertThat(logRows()).isEqualTo(2);
        assertThat(rescoreRequests()).isEqualTo(1);

        HttpResponse<String> undo = post(path(trip, 0), "{\"status\":\"needs_coaching\"}");
        assertThat(json.readTree(undo.body()).at("/rescore_requested").asBoolean()).isTrue();
        assertThat(rescoreRequests()).isEqualTo(2);
        assertThat(logRows()).isEqualTo(3);
        assertThat(
                        DB.count(
                                "SELECT count(*) FROM telemetry.rescore_requests WHERE trip_id = ?",
                                trip))
                .isEqualTo(2);
    }

    @Test
    void theSameRequestTwiceWritesOneLogRow() throws Exception {
        String body = "{\"status\":\"reviewed\",\"comment\":\"seen\"}";
        assertThat(post(path(trip, 1), body).statusCode()).isEqualTo(202);
        HttpResponse<String> second = post(path(trip, 1), body);

        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json.readTree(second.body()).at("/review/status").asText())
                .isEqualTo("reviewed");
        assertThat(logRows()).isEqualTo(1);
    }

    @Test
    void badFieldsAreEachNamedAndNothingIsStored() throws Exception {
        HttpResponse<String> r =
                post(
                        path(trip, 0),
                        "{\"status\":\"fine\",\"comment\":\""
                                + "x".repeat(2001)
                                + "\",\"extra\":1}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(pointers(r)).containsExactlyInAnyOrder("/status", "/comment", "/extra");
        assertThat(pointers(post(path(trip, 0), "{\"reason\":\"" + "y".repeat(501) + "\"}")))
                .containsExactlyInAnyOrder("/status", "/reason");
        assertThat(pointers(post("/api/v1/trips/nope/events/-1/review", "{}")))
                .containsExactlyInAnyOrder("/path/tripId", "/path/seq", "/status");
        assertThat(DB.count("SELECT count(*) FROM telemetry.event_reviews")).isZero();
        assertThat(logRows()).isZero();
    }

    @Test
    void unknownTripsAndEventsAre404() throws Exception {
        String body = "{\"status\":\"reviewed\"}";
        assertThat(post(path(UUID.randomUUID(), 0), body).statusCode()).isEqualTo(404);
        assertThat(post(path(trip, 7), body).statusCode()).isEqualTo(404);
        assertThat(http.get(path(trip, 7), operator).statusCode()).isEqualTo(404);
        assertThat(http.get(path(UUID.randomUUID(), 0), operator).statusCode()).isEqualTo(404);
        assertThat(logRows()).isZero();
    }

    @Test
    void onlyAnOperatorMayReviewAViewerMayRead() throws Exception {
        String viewer =
                new ApiKeyStore(DB.dataSource()).create(ApiKeyRole.VIEWER, "wall screen").secret();
        String body = "{\"status\":\"reviewed\"}";

        assertThat(post(path(trip, 0), body, device).statusCode()).isEqualTo(403);
        assertThat(post(path(trip, 0), body, viewer).statusCode()).isEqualTo(403);
        assertThat(post(path(trip, 0), body, null).statusCode()).isEqualTo(401);
        assertThat(http.get(path(trip, 0), device).statusCode()).isEqualTo(403);
        assertThat(http.get(path(trip, 0), viewer).statusCode()).isEqualTo(200);
        assertThat(logRows()).isZero();
    }

    @Test
    void theInboxListsEventsNewestFirstWithStatusNamesAndFilters() throws Exception {
        UUID older = seedTrip("2026-01-01T08:00:00Z", 3);
        put("/api/v1/drivers/" + field(trip, "driver_id"), "{\"name\":\"Ann\"}");
        post(path(trip, 1), "{\"status\":\"dismissed\",\"reason\":\"ambulance\"}");

        JsonNode all = json.readTree(http.get("/api/v1/events", operator).body());
        assertThat(all.get("items")).hasSize(5);
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("trip_id").asText()).isEqualTo(trip.toString());
        assertThat(first.get("seq").asInt()).isEqualTo(1);
        assertThat(first.get("status").asText()).isEqualTo("dismissed");
        assertThat(first.get("driver_name").asText()).isEqualTo("Ann");
        assertThat(first.get("vehicle_id").asText()).isNotBlank();
        assertThat(first.get("peak").asDouble()).isEqualTo(131.0);
        assertThat(all.get("items").get(2).get("trip_id").asText()).isEqualTo(older.toString());
        assertThat(all.get("items").get(2).get("status").asText()).isEqualTo("needs_review");
        assertThat(all.get("next_cursor").isNull()).isTrue();

        assertThat(items("/api/v1/events?status=dismissed")).hasSize(1);
        assertThat(items("/api/v1/events?status=needs_review")).hasSize(4);
        assertThat(items("/api/v1/events?type=SPEEDING")).hasSize(1);
        assertThat(items("/api/v1/events?severity=HARSH")).hasSize(4);
        assertThat(items("/api/v1/events?to=2026-01-02T00:00:00Z")).hasSize(3);
        assertThat(items("/api/v1/events?driver_id=" + UUID.randomUUID())).isEmpty();
        assertThat(items("/api/v1/events?vehicle_id=" + field(older, "vehicle_id")))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * A reviewed status is listed in the order of the review's copy of the trip's start (the inbox
     * walks event_reviews_status_started_idx): the same order as unfiltered, paged without gaps or
     * repeats.
     */
    @Test
    void aReviewedStatusPagesInTheSameOrderAsTheWholeList() throws Exception {
        UUID a = seedTrip("2026-01-01T08:00:00Z", 3);
        UUID b = seedTrip("2026-01-02T08:00:00Z", 4);
        for (int seq = 0; seq < 3; seq++) {
            assertThat(post(path(a, seq), "{\"status\":\"reviewed\"}").statusCode()).isEqualTo(202);
        }
        for (int seq = 0; seq < 4; seq += 2) {
            assertThat(post(path(b, seq), "{\"status\":\"reviewed\"}").statusCode()).isEqualTo(202);
        }
        List<String> expected = new ArrayList<>();
        json.readTree(http.get("/api/v1/events?limit=500", operator).body())
                .get("items")
                .forEach(
                        i -> {
                            String id = i.get("trip_id").asText();
                            int seq = i.get("seq").asInt();
                            if (id.equals(a.toString())
                                    || (id.equals(b.toString()) && seq % 2 == 0)) {
                                expected.add(id + "/" + seq);
                            }
                        });

        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page =
                    json.readTree(
                            http.get(
                                            "/api/v1/events?status=reviewed&limit=2&cursor="
                                                    + cursor,
                                            operator)
                                    .body());
            page.get("items")
                    .forEach(i -> seen.add(i.get("trip_id").asText() + "/" + i.get("seq").asInt()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);

        assertThat(expected).hasSize(5);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void theInboxPagesWithACursorWithoutGapsOrRepeats() throws Exception {
        seedTrip("2026-01-01T08:00:00Z", 3);
        seedTrip("2026-01-02T08:00:00Z", 4);
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page =
                    json.readTree(
                            http.get("/api/v1/events?limit=2&cursor=" + cursor, operator).body());
            page.get("items")
                    .forEach(i -> seen.add(i.get("trip_id").asText() + "/" + i.get("seq").asInt()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(9).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void badInboxParametersAreEachNamed() throws Exception {
        HttpResponse<String> r =
                http.get(
                        "/api/v1/events?status=open&type=SKID&severity=x&driver_id=1&from=yesterday"
                                + "&limit=0&cursor=zz",
                        operator);
        assertThat(pointers(r))
                .containsExactlyInAnyOrder(
                        "/query/status",
                        "/query/type",
                        "/query/severity",
                        "/query/driver_id",
                        "/query/from",
                        "/query/limit",
                        "/query/cursor");
        assertThat(http.get("/api/v1/events", device).statusCode()).isEqualTo(403);
    }

    /** A trip started at {@code startedAt} with {@code events} HARSH_BRAKING events. */
    private UUID seedTrip(String startedAt, int events) throws Exception {
        UUID id = new TripSeeder(DB.dataSource()).store(GatewayHttp.EXAMPLE);
        try (Connection c = DB.dataSource().getConnection()) {
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "UPDATE telemetry.trip_logs SET started_at = ?::timestamptz"
                                    + " WHERE id = ?")) {
                ps.setString(1, startedAt);
                ps.setObject(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "INSERT INTO telemetry.trip_events (trip_id, seq, event_type,"
                                    + " start_ms, end_ms, peak, severity) SELECT ?, g,"
                                    + " 'HARSH_BRAKING', g * 1000, g * 1000 + 500, 0.5, 'HARSH'"
                                    + " FROM generate_series(0, ? - 1) g")) {
                ps.setObject(1, id);
                ps.setInt(2, events);
                ps.executeUpdate();
            }
        }
        return id;
    }

    private String field(UUID tripId, String column) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT "
                                        + column
                                        + "::text FROM telemetry.trip_logs WHERE id = ?")) {
            ps.setObject(1, tripId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private JsonNode items(String path) throws Exception {
        HttpResponse<String> r = http.get(path, operator);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return json.readTree(r.body()).get("items");
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        HttpResponse<String> r =
                http.send(
                        http.request(path)
                                .header("Authorization", "Bearer " + operator)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static String path(UUID tripId, int seq) {
        return "/api/v1/trips/" + tripId + "/events/" + seq + "/review";
    }

    private long logRows() throws Exception {
        return DB.count("SELECT count(*) FROM telemetry.event_review_log");
    }

    private long rescoreRequests() throws Exception {
        return DB.count("SELECT count(*) FROM telemetry.rescore_requests");
    }

    private List<String> pointers(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        json.readTree(r.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        return pointers;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, operator);
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder b =
                http.request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build());
    }
}
