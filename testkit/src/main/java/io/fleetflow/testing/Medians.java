package io.fleetflow.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median benchmarks quote (of several runs, the mean of the middle two for an even count). */
public final class Medians {

    private Medians() {}

    public static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
