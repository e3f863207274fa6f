package io.fleetflow.scoring;

import io.fleetflow.model.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes one manoeuvre one event. Longitudinal candidates (braking, acceleration) and lateral ones
 * (cornering) that overlap in time are the same manoeuvre seen on two axes — braking into a turn —
 * and only the candidate on the dominant axis, the one with the larger peak g, is kept; ties go to
 * the longitudinal axis. Candidates on the same axis never overlap (the detector has already merged
 * them).
 */
public final class ManoeuvreResolver {

    /** A detected g-force event, before overlaps are resolved. */
    public record Candidate(DrivingEvent event) {
        boolean lateral() {
            return event.type() == EventType.HARSH_CORNERING;
        }

        boolean overlaps(Candidate other) {
            return event.startMs() <= other.event.endMs() && other.event.startMs() <= event.endMs();
        }
    }

    private static final Comparator<Candidate> STRONGEST_FIRST =
            Comparator.comparingDouble((Candidate c) -> c.event().peak())
                    .reversed()
                    .thenComparing(Candidate::lateral)
                    .thenComparingLong(c -> c.event().startMs());

    private ManoeuvreResolver() {}

    /** The surviving events in order of start time. */
    public static List<DrivingEvent> resolve(List<Candidate> candidates) {
        List<Candidate> byStrength = new ArrayList<>(candidates);
        byStrength.sort(STRONGEST_FIRST);
        List<Candidate> kept = new ArrayList<>(byStrength.size());
        for (Candidate c : byStrength) {
            if (!overlapsOtherAxis(c, kept)) {
                kept.add(c);
            }
        }
        List<DrivingEvent> events = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            events.add(c.event());
        }
        events.sort(Comparator.comparingLong(DrivingEvent::startMs));
        return events;
    }

    private static boolean overlapsOtherAxis(Candidate c, List<Candidate> kept) {
        for (Candidate k : kept) {
            if (k.lateral() != c.lateral() && k.overlaps(c)) {
                return true;
            }
        }
        return false;
    }
}
