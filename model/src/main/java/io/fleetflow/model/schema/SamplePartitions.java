package io.fleetflow.model.schema;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which weekly partitions of {@code telemetry.trip_samples} should exist, and which retention may
 * drop: pure date arithmetic, no database ({@link SamplePartitionMaintenance} applies it). A week
 * runs from Monday 00:00 UTC to the next Monday, on the trip's {@code received_at}.
 */
public final class SamplePartitions {

    /** The partitioned table holding each trip's raw samples. */
    public static final String TABLE = "telemetry.trip_samples";

    /**
     * A row's blob as bytes, whichever format it holds, for {@code TripBlobCodec.decode(byte[])}:
     * format 2 from {@code telemetry_bin}, or the text of a format 1 (JSONB) {@code telemetry_blob}
     * stored before it. An SQL expression on the table's alias {@code s}.
     */
    public static final String STORED_BLOB =
            "coalesce(s.telemetry_bin, convert_to(s.telemetry_blob::text, 'UTF8'))";

    /** The partition taking rows no week takes, until maintenance moves them into their week. */
    public static final String DEFAULT_PARTITION = "trip_samples_default";

    /** Weeks created ahead of the current one by default: four weeks of maintenance may fail. */
    public static final int DEFAULT_WEEKS_AHEAD = 4;

    private static final String PREFIX = "trip_samples_p";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private SamplePartitions() {}

    /** One week's partition, named by its Monday: {@code trip_samples_p20261130}. */
    public record Week(LocalDate monday) implements Comparable<Week> {

        public Week {
            if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new IllegalArgumentException(monday + " is not a Monday");
            }
        }

        /** The week holding the instant. */
        public static Week of(Instant at) {
            return new Week(
                    LocalDate.ofInstant(at, ZoneOffset.UTC)
                            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        }

        /** The week a partition's table name stands for; empty for any other name. */
        public static Optional<Week> parse(String tableName) {
            if (!tableName.startsWith(PREFIX) || tableName.length() != PREFIX.length() + 8) {
                return Optional.empty();
            }
            try {
                LocalDate day = LocalDate.parse(tableName.substring(PREFIX.length()), DAY);
                return day.getDayOfWeek() == DayOfWeek.MONDAY
                        ? Optional.of(new Week(day))
                        : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** The table's name, without the schema. */
        public String name() {
            return PREFIX + monday.format(DAY);
        }

        /** The first instant of the week (inclusive). */
        public Instant from() {
            return monday.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The first instant after the week (exclusive). */
        public Instant to() {
            return monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        public Week next() {
            return new Week(monday.plusWeeks(1));
        }

        @Override
        public int compareTo(Week o) {
            return monday.compareTo(o.monday);
        }
    }

    /** The weeks that should exist at {@code now}: the current one and {@code weeksAhead} more. */
    public static List<Week> wanted(Instant now, int weeksAhead) {
        if (weeksAhead < 0) {
            throw new IllegalArgumentException("weeksAhead must be >= 0: " + weeksAhead);
        }
        List<Week> weeks = new ArrayList<>(weeksAhead + 1);
        Week w = Week.of(now);
        for (int i = 0; i <= weeksAhead; i++, w = w.next()) {
            weeks.add(w);
        }
        return weeks;
    }

    /** Every week from the one holding {@code first} to the one holding {@code last}, in order. */
    public static List<Week> covering(Instant first, Instant last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException(last + " is before " + first);
        }
        List<Week> weeks = new ArrayList<>();
        Week end = Week.of(last);
        for (Week w = Week.of(first); w.compareTo(end) <= 0; w = w.next()) {
            weeks.add(w);
        }
        return weeks;
    }

    /** The weeks of {@code wanted} not among {@code existing}, oldest first. */
    public static List<Week> missing(Collection<Week> wanted, Collection<Week> existing) {
        TreeSet<Week> missing = new TreeSet<>(wanted);
        missing.removeAll(existing);
        return new ArrayList<>(missing);
    }

    /**
     * The existing weeks whose every instant is older than {@code retention} at {@code now}, oldest
     * first: what retention may drop (unless a week holds an unfinished trip).
     */
    public static List<Week> expired(Collection<Week> existing, Instant now, Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        Instant horizon = now.minus(retention);
        TreeSet<Week> expired = new TreeSet<>();
        for (Week w : existing) {
            if (!w.to().isAfter(horizon)) {
                expired.add(w);
            }
        }
        return new ArrayList<>(expired);
    }
}
