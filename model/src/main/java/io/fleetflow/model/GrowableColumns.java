package io.fleetflow.model;

import java.util.Arrays;

/** Append-only primitive arrays used while streaming samples in, trimmed to size at the end. */
public final class GrowableColumns {
    private GrowableColumns() {}

    public static final class Doubles {
        private double[] values = new double[256];
        private int size;

        public void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        public int size() {
            return size;
        }

        public double[] toArray() {
            return values.length == size ? values : Arrays.copyOf(values, size);
        }
    }

    public static final class Longs {
        private long[] values = new long[256];
        private int size;

        public void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        public int size() {
            return size;
        }

        public long[] toArray() {
            return values.length == size ? values : Arrays.copyOf(values, size);
        }
    }
}
