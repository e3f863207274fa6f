package io.fleetflow.launcher;

import io.fleetflow.testing.Medians;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The launcher benchmarks' arithmetic: percentiles of a run, medians over runs. */
final class BenchFigures {

    private BenchFigures() {}

    /** The {@code p}-th percentile (nearest rank) of ascending {@code sorted}. */
    static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** The median over runs of one figure ({@code column} of each run's figures). */
    static double median(List<double[]> runs, int column) {
        List<Double> v = new ArrayList<>();
        runs.forEach(r -> v.add(r[column]));
        return Medians.of(v);
    }

    /**
     * Prints the benchmark's table: {@code header} (a Markdown row), its rule, and one row of the
     * medians over runs of {@code columns}, formatted by {@code row}.
     */
    static void printMedians(List<double[]> runs, String header, String row, int... columns) {
        Object[] medians = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            medians[i] = median(runs, columns[i]);
        }
        System.out.println();
        System.out.println(header);
        System.out.println("|---".repeat(header.split("\\|", -1).length - 2) + "|");
        System.out.printf(Locale.ROOT, row + "%n", medians);
    }
}
