package io.fleetflow.model;

/**
 * The values a numeric payload field accepts, with the message a device developer reads when a
 * value falls outside. Immutable; the bounds are whole numbers, as the messages print them.
 */
public final class ValueRange {
    private final double min;
    private final boolean minIncluded;
    private final double max;
    private final String problem;

    private ValueRange(double min, boolean minIncluded, double max, String problem) {
        this.min = min;
        this.minIncluded = minIncluded;
        this.max = max;
        this.problem = problem;
    }

    /** From {@code min} to {@code max}, both included. */
    public static ValueRange between(long min, long max, String unit) {
        return new ValueRange(
                min, true, max, "must be between " + min + " and " + max + " " + unit);
    }

    /** Above zero, up to {@code max} included. */
    public static ValueRange aboveZeroAtMost(long max, String unit) {
        return new ValueRange(
                0, false, max, "must be greater than 0 and at most " + max + " " + unit);
    }

    /** Zero or more; {@code what} says what the value counts. */
    public static ValueRange notNegative(String what) {
        return new ValueRange(
                0, true, Double.POSITIVE_INFINITY, "must not be negative (" + what + ")");
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Whether {@code value} is accepted; never for NaN or an infinity beyond the bounds. */
    public boolean contains(double value) {
        return (minIncluded ? value >= min : value > min) && value <= max;
    }

    /** {@code null} when {@code value} is accepted, else what is wrong with it. */
    public String check(double value) {
        return contains(value) ? null : problem;
    }
}
