package io.fleetflow.model.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Which events of a re-scored trip stay dismissed. A trip's events are rewritten whole when it is
 * scored again, so their {@code seq} may change; a review therefore also keeps the type and the
 * interval of the event it was made on. A new event is dismissed when a dismissed review has the
 * same type and an interval that overlaps the new event's (inclusive ends). Each review dismisses
 * at most one new event: the one that overlaps it most (the earliest on a tie), so one dismissal
 * never silences a second, separate event. Pure, no I/O.
 */
public final class DismissalMatcher {

    /** A review as stored: the event's type and interval at review time, and its status. */
    public record Review(String eventType, long startMs, long endMs, ReviewStatus status) {}

    /** An event of the re-scored trip. */
    public record Event(int seq, String eventType, long startMs, long endMs) {}

    private DismissalMatcher() {}

    /** The seqs of {@code events} that are dismissed, in the order of {@code events}. */
    public static List<Integer> dismissedSeqs(List<Review> reviews, List<Event> events) {
        boolean[] dismissed = new boolean[events.size()];
        for (Review review : reviews) {
            if (!review.status().excludesFromScore()) {
                continue;
            }
            int best = -1;
            long bestOverlap = -1;
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                if (dismissed[i] || !e.eventType().equals(review.eventType())) {
                    continue;
                }
                long overlap =
                        Math.min(e.endMs(), review.endMs())
                                - Math.max(e.startMs(), review.startMs());
                if (overlap >= 0 && overlap > bestOverlap) {
                    best = i;
                    bestOverlap = overlap;
                }
            }
            if (best >= 0) {
                dismissed[best] = true;
            }
        }
        List<Integer> seqs = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (dismissed[i]) {
                seqs.add(events.get(i).seq());
            }
        }
        return seqs;
    }
}
