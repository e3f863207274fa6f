package io.fleetflow.model;

import java.util.Arrays;

/** Append-only primitive arrays used while streaming samples in, trimmed to size at the end. */
final class GrowableColumns {
    private GrowableColumns() {}

    static final class Doubles {
        private double[] values = new double[256];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return values.length == size ? values : Arrays.copyOf(values, size);
        }
    }

    static final class Longs {
        private long[] values = new long[256];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return values.length == size ? values : Arrays.copyOf(values, size);
        }
    }
}
