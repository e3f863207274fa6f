package io.fleetflow.scoring.eval;

import io.fleetflow.model.EventType;
import java.util.Locale;

/**
 * A human (or generator) label of one manoeuvre, in the format of {@code shared/data/real/
 * ground_truth.json}: a type such as {@code harsh_braking} and its interval in ms since trip start.
 *
 * @param type the label's type, e.g. {@code harsh_braking}, {@code harsh_turn_left}, {@code
 *     harsh_lane_change_right}
 */
public record Label(String type, long startMs, long endMs) {

    public Label {
        if (endMs < startMs) {
            throw new IllegalArgumentException("a label ends before it starts: " + type);
        }
    }

    /**
     * The event type a correct detector reports for this label, or {@code null} for a label that
     * maps to none (a lane change, reported but not scored as its own type).
     */
    public EventType eventType() {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("harsh_braking")) {
            return EventType.HARSH_BRAKING;
        }
        if (t.equals("harsh_acceleration")) {
            return EventType.RAPID_ACCELERATION;
        }
        if (t.startsWith("harsh_cornering") || t.startsWith("harsh_turn")) {
            return EventType.HARSH_CORNERING;
        }
        if (t.equals("crash") || t.equals("collision")) {
            return EventType.CRASH;
        }
        return null;
    }

    /** Whether this is a lane change (reported separately: no event type of its own). */
    public boolean isLaneChange() {
        return type.toLowerCase(Locale.ROOT).startsWith("harsh_lane_change");
    }
}
