package io.fleetflow.job.options;

import java.util.List;

/**
 * What the re-scoring job ({@code io.fleetflow.job.rescore.RescoreJob}) selects: trips that started
 * in a range of UTC days, optionally of some drivers or vehicles. The streaming job ignores them.
 */
public final class RescoreOptions {

    public static final JobOption<String> FROM =
            JobOption.text(
                    "from",
                    "",
                    "First UTC day whose trips are re-scored, as 2026-05-01 (re-scoring only).");

    public static final JobOption<String> TO =
            JobOption.text(
                    "to",
                    "",
                    "Last UTC day whose trips are re-scored, inclusive, as 2026-05-31 (re-scoring"
                            + " only).");

    public static final JobOption<String> DRIVERS =
            JobOption.text(
                    "driver",
                    "",
                    "Comma-separated driver ids to re-score; empty for every driver (re-scoring"
                            + " only).");

    public static final JobOption<String> VEHICLES =
            JobOption.text(
                    "vehicle",
                    "",
                    "Comma-separated vehicle ids to re-score; empty for every vehicle (re-scoring"
                            + " only).");

    public static final JobOption<Integer> PAGE_SIZE =
            JobOption.atLeast(
                    "rescore-page-size",
                    1,
                    1_000,
                    "Trip ids read from PostgreSQL per query while selecting. In trips.");

    static final List<JobOption<?>> ALL = List.of(FROM, TO, DRIVERS, VEHICLES, PAGE_SIZE);

    private RescoreOptions() {}
}
