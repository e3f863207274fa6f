package io.fleetflow.scoring.eval;

/**
 * How one event type did on a set of labelled trips. A detection is correct when it overlaps a
 * label of its type; a label is found when a detection of its type overlaps it.
 *
 * @param labelled labels of the type
 * @param found labels a detection overlapped
 * @param detected detections of the type
 * @param correct detections that overlapped a label
 */
public record TypeScore(int labelled, int found, int detected, int correct) {

    public static final TypeScore NONE = new TypeScore(0, 0, 0, 0);

    /** Found over labelled, or {@code NaN} when there was nothing to find. */
    public double recall() {
        return labelled == 0 ? Double.NaN : (double) found / labelled;
    }

    /** Correct over detected, or {@code NaN} when nothing was detected. */
    public double precision() {
        return detected == 0 ? Double.NaN : (double) correct / detected;
    }

    /** Harmonic mean of recall and precision; {@code NaN} when either is undefined. */
    public double f1() {
        double r = recall();
        double p = precision();
        if (Double.isNaN(r) || Double.isNaN(p)) {
            return Double.NaN;
        }
        return r + p == 0 ? 0 : 2 * r * p / (r + p);
    }

    public TypeScore plus(TypeScore other) {
        return new TypeScore(
                labelled + other.labelled,
                found + other.found,
                detected + other.detected,
                correct + other.correct);
    }
}
