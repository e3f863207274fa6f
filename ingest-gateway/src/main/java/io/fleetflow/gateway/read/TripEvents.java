package io.fleetflow.gateway.read;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fleetflow.model.review.ReviewNames;
import io.fleetflow.model.review.ReviewStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A trip's detected events, in order, each with its review status: part of the trip's detail. */
public final class TripEvents {

    // Each event with its review (docs/safety-inbox.md): the review of the same seq, taken only
    // while it names the same type (a re-score with another model may renumber the events).
    private static final String EVENTS =
            "SELECT e.seq, e.event_type, e.start_ms, e.end_ms, e.peak, e.severity, e.delta_v_kmh,"
                    + " e.speed_before_kmh, e.speed_after_kmh, r.status AS review_status"
                    + " FROM telemetry.trip_events e LEFT JOIN "
                    + ReviewNames.EVENT_REVIEWS
                    + " r ON "
                    + ReviewNames.reviewOf("r", "e")
                    + " WHERE e.trip_id = ? ORDER BY e.seq";

    /**
     * One event; {@code deltaVKmh} and the speeds are a crash's and {@code null} on every other
     * type; {@code reviewStatus} is the safety inbox's ({@code dismissed} ones are not in the
     * score).
     */
    public record Event(
            int seq,
            String type,
            long startMs,
            long endMs,
            double peak,
            String severity,
            // Named by hand: snake case of "deltaVKmh" would run the V into the Kmh.
            @JsonProperty("delta_v_kmh") Double deltaVKmh,
            Double speedBeforeKmh,
            Double speedAfterKmh,
            String reviewStatus) {}

    static List<Event> of(Connection c, UUID tripId) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EVENTS)) {
            ps.setObject(1, tripId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(
                            new Event(
                                    rs.getInt("seq"),
                                    rs.getString("event_type"),
                                    rs.getLong("start_ms"),
                                    rs.getLong("end_ms"),
                                    rs.getDouble("peak"),
                                    rs.getString("severity"),
                                    Rows.decimal(rs, "delta_v_kmh"),
                                    Rows.decimal(rs, "speed_before_kmh"),
                                    Rows.decimal(rs, "speed_after_kmh"),
                                    reviewStatus(rs.getString("review_status"))));
                }
            }
        }
        return events;
    }

    /** An event without a review row is {@code needs_review}, as in the inbox. */
    private static String reviewStatus(String stored) {
        return stored == null ? ReviewStatus.DEFAULT.wireName() : stored;
    }

    private TripEvents() {}
}
