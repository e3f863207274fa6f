package io.fleetflow.model.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The validation rules of a trip payload, one small named check each. Every check returns {@code
 * null} when the value is acceptable, or a message saying what is wrong.
 */
public final class PayloadRules {

    /** Lowest accepted speed. In km/h. */
    public static final double MIN_SPEED_KMH = 0;

    /**
     * Highest accepted speed: no road vehicle exceeds it, so a larger value is a sensor fault. In
     * km/h.
     */
    public static final double MAX_SPEED_KMH = 400;

    /** Largest accepted g-force magnitude on either axis; crash pulses stay below it. In g. */
    public static final double MAX_ABS_G_FORCE = 16;

    /** Highest accepted declared sample rate. In Hz. */
    public static final double MAX_SAMPLE_RATE_HZ = 100_000;

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

    public static String speedInRange(double kmh) {
        return kmh >= MIN_SPEED_KMH && kmh <= MAX_SPEED_KMH
                ? null
                : "must be between "
                        + (int) MIN_SPEED_KMH
                        + " and "
                        + (int) MAX_SPEED_KMH
                        + " km/h";
    }

    public static String gForceInRange(double g) {
        return Math.abs(g) <= MAX_ABS_G_FORCE
                ? null
                : "must be between -"
                        + (int) MAX_ABS_G_FORCE
                        + " and "
                        + (int) MAX_ABS_G_FORCE
                        + " g";
    }

    public static String timeNotNegative(long tMs) {
        return tMs >= 0 ? null : "must not be negative (ms since trip start)";
    }

    public static String timeNonDecreasing(long previousMs, long tMs) {
        return tMs >= previousMs
                ? null
                : "must not be less than the previous sample's t (" + previousMs + ")";
    }

    public static String sampleRateInRange(double hz) {
        return hz > 0 && hz <= MAX_SAMPLE_RATE_HZ
                ? null
                : "must be greater than 0 and at most " + (long) MAX_SAMPLE_RATE_HZ + " Hz";
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
