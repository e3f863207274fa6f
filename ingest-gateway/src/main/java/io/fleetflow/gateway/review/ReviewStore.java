package io.fleetflow.gateway.review;

import io.fleetflow.model.review.ReviewNames;
import io.fleetflow.model.review.ReviewStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads and writes the reviews of detected events. A change writes the review, its log row and,
 * when the event's dismissal turned on or off, a re-score request, in one transaction; the event's
 * row is locked first ({@code FOR UPDATE}), so two reviews of one event apply one after the other.
 * A request equal to the current review (status, reason and comment) writes nothing.
 */
public final class ReviewStore {

    /** The outcome of one review request; empty when the trip or the event does not exist. */
    public record Saved(EventReview review, boolean changed, boolean rescoreRequested) {}

    /** Why a review could not be stored. */
    public enum Missing {
        TRIP,
        EVENT
    }

    /** A saved review, or what was missing. */
    public record Outcome(Saved saved, Missing missing) {}

    private static final String EVENT =
            "SELECT event_type, start_ms, end_ms FROM telemetry.trip_events"
                    + " WHERE trip_id = ? AND seq = ?";
    private static final String CURRENT =
            "SELECT * FROM " + ReviewNames.EVENT_REVIEWS + " WHERE trip_id = ? AND seq = ?";
    private static final String UPSERT =
            "INSERT INTO "
                    + ReviewNames.EVENT_REVIEWS
                    + " (trip_id, seq, event_type, start_ms, end_ms, status, reason, comment,"
                    + " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                    + " ON CONFLICT (trip_id, seq) DO UPDATE SET event_type = EXCLUDED.event_type,"
                    + " start_ms = EXCLUDED.start_ms, end_ms = EXCLUDED.end_ms,"
                    + " status = EXCLUDED.status, reason = EXCLUDED.reason,"
                    + " comment = EXCLUDED.comment, updated_by = EXCLUDED.updated_by,"
                    + " updated_at = EXCLUDED.updated_at RETURNING *";
    private static final String LOG =
            "INSERT INTO "
                    + ReviewNames.EVENT_REVIEW_LOG
                    + " (trip_id, seq, old_status, new_status, reason, comment, changed_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String RESCORE =
            "INSERT INTO "
                    + ReviewNames.RESCORE_REQUESTS
                    + " (trip_id, reason) VALUES (?, 'review_dismissal')";

    private final DataSource dataSource;

    public ReviewStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Outcome review(UUID tripId, int seq, ReviewInput input, String by) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = review(c, tripId, seq, input, by);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Outcome review(Connection c, UUID tripId, int seq, ReviewInput input, String by)
            throws SQLException {
        String type;
        long start;
        long end;
        try (PreparedStatement ps = c.prepareStatement(EVENT + " FOR UPDATE")) {
            ps.setObject(1, tripId);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Outcome(null, tripExists(c, tripId) ? Missing.EVENT : Missing.TRIP);
                }
                type = rs.getString("event_type");
                start = rs.getLong("start_ms");
                end = rs.getLong("end_ms");
            }
        }
        Optional<EventReview> current = current(c, tripId, seq);
        String oldStatus = current.map(EventReview::status).orElse(ReviewStatus.DEFAULT.wireName());
        String newStatus = input.status().wireName();
        if (oldStatus.equals(newStatus)
                && Objects.equals(current.map(EventReview::reason).orElse(null), input.reason())
                && Objects.equals(
                        current.map(EventReview::comment).orElse(null), input.comment())) {
            EventReview unchanged =
                    current.orElse(
                            new EventReview(
                                    tripId, seq, type, start, end, oldStatus, null, null, null,
                                    null));
            return new Outcome(new Saved(unchanged, false, false), null);
        }
        EventReview saved;
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setObject(1, tripId);
            ps.setInt(2, seq);
            ps.setString(3, type);
            ps.setLong(4, start);
            ps.setLong(5, end);
            ps.setString(6, newStatus);
            ps.setString(7, input.reason());
            ps.setString(8, input.comment());
            ps.setString(9, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                saved = review(rs);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(LOG)) {
            ps.setObject(1, tripId);
            ps.setInt(2, seq);
            ps.setString(3, oldStatus);
            ps.setString(4, newStatus);
            ps.setString(5, input.reason());
            ps.setString(6, input.comment());
            ps.setString(7, by);
            ps.executeUpdate();
        }
        boolean wasDismissed =
                ReviewStatus.fromWireName(oldStatus)
                        .map(ReviewStatus::excludesFromScore)
                        .orElse(false);
        boolean rescore = wasDismissed != input.status().excludesFromScore();
        if (rescore) {
            try (PreparedStatement ps = c.prepareStatement(RESCORE)) {
                ps.setObject(1, tripId);
                ps.executeUpdate();
            }
        }
        return new Outcome(new Saved(saved, true, rescore), null);
    }

    /**
     * The current review of an event with its log (oldest first), or empty when the trip has no
     * event {@code seq}; an event never reviewed answers {@code needs_review} and an empty log.
     */
    public Optional<ReviewWithLog> reviewWithLog(UUID tripId, int seq) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            EventReview review;
            try (PreparedStatement ps = c.prepareStatement(EVENT)) {
                ps.setObject(1, tripId);
                ps.setInt(2, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    review =
                            new EventReview(
                                    tripId,
                                    seq,
                                    rs.getString("event_type"),
                                    rs.getLong("start_ms"),
                                    rs.getLong("end_ms"),
                                    ReviewStatus.DEFAULT.wireName(),
                                    null,
                                    null,
                                    null,
                                    null);
                }
            }
            review = current(c, tripId, seq).orElse(review);
            List<ReviewLogEntry> log = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT * FROM "
                                    + ReviewNames.EVENT_REVIEW_LOG
                                    + " WHERE trip_id = ? AND seq = ? ORDER BY id")) {
                ps.setObject(1, tripId);
                ps.setInt(2, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        log.add(
                                new ReviewLogEntry(
                                        rs.getLong("id"),
                                        rs.getString("old_status"),
                                        rs.getString("new_status"),
                                        rs.getString("reason"),
                                        rs.getString("comment"),
                                        rs.getString("changed_by"),
                                        instant(rs.getTimestamp("changed_at"))));
                    }
                }
            }
            return Optional.of(new ReviewWithLog(review, log));
        }
    }

    /** A review and its activity log. */
    public record ReviewWithLog(EventReview review, List<ReviewLogEntry> log) {}

    private static boolean tripExists(Connection c, UUID tripId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM telemetry.trip_logs WHERE id = ?")) {
            ps.setObject(1, tripId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<EventReview> current(Connection c, UUID tripId, int seq)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setObject(1, tripId);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(review(rs)) : Optional.empty();
            }
        }
    }

    private static EventReview review(ResultSet rs) throws SQLException {
        return new EventReview(
                rs.getObject("trip_id", UUID.class),
                rs.getInt("seq"),
                rs.getString("event_type"),
                rs.getLong("start_ms"),
                rs.getLong("end_ms"),
                rs.getString("status"),
                rs.getString("reason"),
                rs.getString("comment"),
                rs.getString("updated_by"),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
