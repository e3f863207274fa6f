package io.fleetflow.scoring.eval;

import io.fleetflow.model.EventType;
import io.fleetflow.scoring.DrivingEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Detections of one or more trips held against their labels: recall, precision and F1 per event
 * type, and how many labelled lane changes drew any detection. Pure; the evaluation command and the
 * tests on real driving use it.
 *
 * @param byType the scores of the labelled event types (braking, acceleration, cornering, crash)
 * @param laneChanges labelled lane changes, and how many any detection overlapped (as {@code
 *     found})
 */
public record Evaluation(Map<EventType, TypeScore> byType, TypeScore laneChanges) {

    /** Slack on either side of a label within which a detection still overlaps it. In ms. */
    public static final long TOLERANCE_MS = 500;

    /** The types a label can name; speeding has no labels in the data. */
    public static final List<EventType> TYPES =
            List.of(
                    EventType.HARSH_BRAKING,
                    EventType.RAPID_ACCELERATION,
                    EventType.HARSH_CORNERING,
                    EventType.CRASH);

    public Evaluation {
        byType = Map.copyOf(byType);
    }

    /** Nothing evaluated yet. */
    public static Evaluation empty() {
        Map<EventType, TypeScore> none = new EnumMap<>(EventType.class);
        TYPES.forEach(t -> none.put(t, TypeScore.NONE));
        return new Evaluation(none, TypeScore.NONE);
    }

    /** One trip's detections against its labels. */
    public static Evaluation of(List<DrivingEvent> events, List<Label> labels) {
        Map<EventType, TypeScore> byType = new EnumMap<>(EventType.class);
        for (EventType type : TYPES) {
            List<DrivingEvent> detected = events.stream().filter(e -> e.type() == type).toList();
            List<Label> wanted = labels.stream().filter(l -> l.eventType() == type).toList();
            int found = (int) wanted.stream().filter(l -> anyOverlaps(detected, l)).count();
            int correct =
                    (int)
                            detected.stream()
                                    .filter(e -> wanted.stream().anyMatch(l -> overlaps(e, l)))
                                    .count();
            byType.put(type, new TypeScore(wanted.size(), found, detected.size(), correct));
        }
        List<Label> lanes = labels.stream().filter(Label::isLaneChange).toList();
        int reported = (int) lanes.stream().filter(l -> anyOverlaps(events, l)).count();
        return new Evaluation(byType, new TypeScore(lanes.size(), reported, 0, 0));
    }

    public TypeScore of(EventType type) {
        return byType.getOrDefault(type, TypeScore.NONE);
    }

    /** This evaluation and {@code other} together, as if one trip set. */
    public Evaluation plus(Evaluation other) {
        Map<EventType, TypeScore> sum = new EnumMap<>(EventType.class);
        TYPES.forEach(t -> sum.put(t, of(t).plus(other.of(t))));
        return new Evaluation(sum, laneChanges.plus(other.laneChanges));
    }

    static boolean overlaps(DrivingEvent e, Label l) {
        return e.startMs() <= l.endMs() + TOLERANCE_MS && e.endMs() >= l.startMs() - TOLERANCE_MS;
    }

    private static boolean anyOverlaps(List<DrivingEvent> events, Label label) {
        return events.stream().anyMatch(e -> overlaps(e, label));
    }
}
