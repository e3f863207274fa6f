package io.fleetflow.gateway.app;

import java.time.Duration;
import java.util.List;

/** The raw samples' partitions and their retention (docs/storage.md). */
final class StorageOptions {

    static final GatewayOption<Integer> RAW_RETENTION_DAYS =
            GatewayOption.integer(
                    "FLEETFLOW_RAW_RETENTION_DAYS",
                    0,
                    "Days a trip's raw samples are kept, whole weeks dropped after; scores, events"
                            + " and the trip's row stay (0: forever).");

    static final GatewayOption<Duration> MAINTENANCE_INTERVAL =
            GatewayOption.millis(
                    "FLEETFLOW_STORAGE_MAINTENANCE_INTERVAL_MS",
                    Duration.ofHours(1),
                    "How often partitions are created ahead and retention runs, in ms.");

    static final List<GatewayOption<?>> ALL = List.of(RAW_RETENTION_DAYS, MAINTENANCE_INTERVAL);

    private StorageOptions() {}

    /** The retention, or null for none. */
    static Duration retention(int days) {
        if (days < 0) {
            throw new IllegalArgumentException(
                    RAW_RETENTION_DAYS.name() + " must be >= 0: " + days);
        }
        return days == 0 ? null : Duration.ofDays(days);
    }
}
