package io.fleetflow.gateway.review;

import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import io.fleetflow.model.ingest.FieldError;
import io.fleetflow.model.review.ReviewStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The inbox list's query parameters turned into an {@link EventInbox.Filter} (pure, no I/O): every
 * bad parameter is added to the errors as {@code /query/<name>}. {@code from} and {@code to} take a
 * UTC day ({@code 2026-05-01}: from its start; to its end, the day included) or an ISO-8601
 * date-time with a zone (from inclusive, to exclusive), and bound the event's start time.
 */
public final class InboxQuery {

    public static final int DEFAULT_LIMIT = 50;

    /** Earliest and latest instants accepted, well inside PostgreSQL's timestamptz range. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static final String TIME_HINT =
            "must be a UTC day (2026-05-01) or an ISO-8601 date-time with a zone"
                    + " (2026-05-01T08:00:00Z)";

    private InboxQuery() {}

    /**
     * The filter the parameters ask for; when {@code errors} grew, the returned filter must not be
     * used.
     *
     * @param param the value of a query parameter by name, null when absent
     */
    public static EventInbox.Filter parse(Function<String, String> param, List<FieldError> errors) {
        ReviewStatus status = null;
        String statusText = text(param, "status");
        if (statusText != null) {
            status = ReviewStatus.fromWireName(statusText).orElse(null);
            if (status == null) {
                errors.add(
                        new FieldError(
                                "/query/status",
                                "must be one of " + String.join(", ", ReviewStatus.wireNames())));
            }
        }
        UUID driverId = uuid(param, "driver_id", errors);
        UUID vehicleId = uuid(param, "vehicle_id", errors);
        UUID tripId = uuid(param, "trip_id", errors);
        String type = oneOf(param, "type", names(EventType.values()), errors);
        String severity = oneOf(param, "severity", names(Severity.values()), errors);
        Instant from = time(param, "from", false, errors);
        Instant to = time(param, "to", true, errors);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError("/query/to", "must be after from"));
        }
        EventInbox.Cursor after = null;
        String cursor = text(param, "cursor");
        if (cursor != null) {
            try {
                after = EventInbox.Cursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("/query/cursor", "is not one this API returned"));
            }
        }
        int limit = limit(param, errors);
        return new EventInbox.Filter(
                status, driverId, vehicleId, tripId, type, severity, from, to, after, limit);
    }

    private static String text(Function<String, String> param, String name) {
        String text = param.apply(name);
        return text == null || text.isEmpty() ? null : text;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static UUID uuid(Function<String, String> param, String name, List<FieldError> errors) {
        String text = text(param, name);
        if (text == null) {
            return null;
        }
        try {
            // UUID.fromString also takes short groups ("1-2-3-4-5"): only the canonical form.
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        errors.add(new FieldError("/query/" + name, "must be a UUID"));
        return null;
    }

    private static String oneOf(
            Function<String, String> param,
            String name,
            List<String> allowed,
            List<FieldError> errors) {
        String text = text(param, name);
        if (text != null && !allowed.contains(text)) {
            errors.add(
                    new FieldError(
                            "/query/" + name, "must be one of " + String.join(", ", allowed)));
            return null;
        }
        return text;
    }

    /** A day (its start; for the end of a range the next day's start) or a date-time. */
    private static Instant time(
            Function<String, String> param, String name, boolean end, List<FieldError> errors) {
        String text = text(param, name);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("/query/" + name, TIME_HINT));
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            errors.add(new FieldError("/query/" + name, "must be between years 1 and 9999"));
            return null;
        }
        return instant;
    }

    private static int limit(Function<String, String> param, List<FieldError> errors) {
        String text = text(param, "limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > EventInbox.MAX_LIMIT) {
            errors.add(
                    new FieldError(
                            "/query/limit",
                            "must be an integer from 1 to " + EventInbox.MAX_LIMIT));
        }
        return limit;
    }
}
