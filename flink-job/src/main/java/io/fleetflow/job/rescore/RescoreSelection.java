package io.fleetflow.job.rescore;

import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RescoreOptions;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Which trips a re-scoring run covers: the finished trips that started in {@code [fromMs, toMs)},
 * of the given drivers and vehicles (none given: all). Parsed once from the job's options, every
 * bad value named in one exception; no Flink, no I/O.
 */
public final class RescoreSelection implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final long HOUR_MS = 3_600_000L;

    public final long fromMs;
    public final long toMs;
    public final UUID[] drivers;
    public final UUID[] vehicles;

    public RescoreSelection(long fromMs, long toMs, UUID[] drivers, UUID[] vehicles) {
        if (toMs <= fromMs) {
            throw new IllegalArgumentException("--to must not be before --from");
        }
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.drivers = drivers.clone();
        this.vehicles = vehicles.clone();
    }

    /** The selection {@code --from}, {@code --to}, {@code --driver} and {@code --vehicle} name. */
    public static RescoreSelection of(JobOptions options) {
        List<String> problems = new ArrayList<>();
        LocalDate from = day(options.get(RescoreOptions.FROM), RescoreOptions.FROM.key(), problems);
        LocalDate to = day(options.get(RescoreOptions.TO), RescoreOptions.TO.key(), problems);
        UUID[] drivers = ids(options.get(RescoreOptions.DRIVERS), "driver", problems);
        UUID[] vehicles = ids(options.get(RescoreOptions.VEHICLES), "vehicle", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("--to (" + to + ") is before --from (" + from + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new RescoreSelection(
                from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                drivers,
                vehicles);
    }

    /**
     * Starts of the range's slices of {@code sliceHours} (the last one ends at {@link #toMs}): the
     * units of work the job spreads over its subtasks.
     */
    public List<Long> sliceStarts(int sliceHours) {
        List<Long> starts = new ArrayList<>();
        for (long start = fromMs; start < toMs; start += sliceHours * HOUR_MS) {
            starts.add(start);
        }
        return starts;
    }

    /** End (exclusive) of the slice of {@code sliceHours} that starts at {@code start}. */
    public long sliceEnd(long start, int sliceHours) {
        return Math.min(toMs, start + sliceHours * HOUR_MS);
    }

    private static LocalDate day(String text, String key, List<String> problems) {
        if (text.isBlank()) {
            problems.add("--" + key + " is required (a UTC day, as 2026-05-01)");
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add("--" + key + " (" + text + ") is not a day as 2026-05-01");
            return null;
        }
    }

    private static UUID[] ids(String text, String key, List<String> problems) {
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(UUID.fromString(part.trim()));
            } catch (IllegalArgumentException e) {
                problems.add("--" + key + " (" + part.trim() + ") is not a UUID");
            }
        }
        return ids.toArray(UUID[]::new);
    }
}
