package io.fleetflow.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Which events raise an alert, and each alert's stable id: the job inserts alerts into {@link
 * #TABLE} with this rule and id (in SQL), the gateway reads and delivers them (docs/alerts.md).
 */
public final class AlertRule {

    /** The alerts table (sql/init.sql). */
    public static final String TABLE = "telemetry.alerts";

    private AlertRule() {}

    /** Every crash, whatever its severity, and every severe event raise an alert. */
    public static boolean raises(EventType type, Severity severity) {
        return type == EventType.CRASH || severity == Severity.SEVERE;
    }

    /** {@link #raises} as a SQL condition over a type and a severity column. */
    public static String sqlCondition(String typeColumn, String severityColumn) {
        return "("
                + typeColumn
                + " = '"
                + EventType.CRASH.name()
                + "' OR "
                + severityColumn
                + " = '"
                + Severity.SEVERE.name()
                + "')";
    }

    /**
     * The alert id of a trip's event as SQL: the MD5 of {@code "<trip id>:<seq>:<event type>"} read
     * as a uuid, the same value as {@link #alertId}.
     */
    public static String sqlAlertId(String tripIdColumn, String seqColumn, String typeColumn) {
        return "md5("
                + tripIdColumn
                + "::text || ':' || "
                + seqColumn
                + " || ':' || "
                + typeColumn
                + ")::uuid";
    }

    /** The alert id of the event {@code seq} of type {@code type} in trip {@code tripId}. */
    public static UUID alertId(UUID tripId, int seq, String type) {
        try {
            byte[] md5 =
                    MessageDigest.getInstance("MD5")
                            .digest(
                                    (tripId + ":" + seq + ":" + type)
                                            .getBytes(StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.wrap(md5);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is always available", e);
        }
    }
}
