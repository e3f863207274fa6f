package io.fleetflow.model.ingest;

import io.fleetflow.model.SampleField;
import io.fleetflow.model.TripField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The validation rules of a trip payload, one small named check each. Every check returns {@code
 * null} when the value is acceptable, or a message saying what is wrong. The numeric fields' ranges
 * and messages come from the field table ({@link SampleField#range()}, {@link TripField#range()}).
 */
public final class PayloadRules {

    /** Lowest accepted speed. In km/h. */
    public static final double MIN_SPEED_KMH = SampleField.SPEED.range().min();

    /**
     * Highest accepted speed: no road vehicle exceeds it, so a larger value is a sensor fault. In
     * km/h.
     */
    public static final double MAX_SPEED_KMH = SampleField.SPEED.range().max();

    /** Largest accepted g-force magnitude on either axis; crash pulses stay below it. In g. */
    public static final double MAX_ABS_G_FORCE = SampleField.G_LONG.range().max();

    /** Highest accepted declared sample rate. In Hz. */
    public static final double MAX_SAMPLE_RATE_HZ = TripField.SAMPLE_RATE_HZ.range().max();

    private static final Pattern UUID_TEXT =
            Pattern.compile(
                    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private PayloadRules() {}

    public static String uuid(String text) {
        return UUID_TEXT.matcher(text).matches()
                ? null
                : "must be a UUID such as 3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10";
    }

    public static UUID parseUuid(String text) {
        return UUID.fromString(text);
    }

    /** A timestamp must be ISO-8601 with a zone offset, e.g. {@code 2024-05-01T08:00:00Z}. */
    public static String timestampWithZone(String text) {
        try {
            OffsetDateTime.parse(text);
            return null;
        } catch (DateTimeParseException e) {
            if (isLocalDateTime(text)) {
                return "must include a zone offset, e.g. 2024-05-01T08:00:00Z or 2024-05-01T10:00:00+02:00";
            }
            return "must be an ISO-8601 date-time with a zone offset, e.g. 2024-05-01T08:00:00Z";
        }
    }

    /**
     * Earliest accepted trip start: telematics data from before it is a device clock fault (and
     * very old dates would not fit the database's timestamp range).
     */
    public static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");

    public static String notBeforeEarliestStart(OffsetDateTime startedAt) {
        return startedAt.toInstant().isBefore(EARLIEST_START)
                ? "must not be before " + EARLIEST_START + " (check the device clock)"
                : null;
    }

    public static String notTooFarInFuture(
            OffsetDateTime startedAt, Instant now, Duration maxSkew) {
        return startedAt.toInstant().isAfter(now.plus(maxSkew))
                ? "is more than " + maxSkew.toSeconds() + " s in the future"
                : null;
    }

    public static String finite(double value) {
        return Double.isFinite(value) ? null : "must be a finite number";
    }

    /** A sample's value within its field's range. */
    public static String inRange(SampleField field, double value) {
        return field.range().check(value);
    }

    public static String speedInRange(double kmh) {
        return inRange(SampleField.SPEED, kmh);
    }

    public static String gForceInRange(double g) {
        return inRange(SampleField.G_LONG, g);
    }

    public static String timeNotNegative(long tMs) {
        return inRange(SampleField.TIME, tMs);
    }

    public static String timeNonDecreasing(long previousMs, long tMs) {
        return tMs >= previousMs
                ? null
                : "must not be less than the previous sample's t (" + previousMs + ")";
    }

    public static String sampleRateInRange(double hz) {
        return TripField.SAMPLE_RATE_HZ.range().check(hz);
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
