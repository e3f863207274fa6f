package io.fleetflow.launcher;

import io.fleetflow.testing.Medians;
import java.util.ArrayList;
import java.util.List;

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
}
