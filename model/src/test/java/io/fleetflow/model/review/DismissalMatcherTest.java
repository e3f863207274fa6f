package io.fleetflow.model.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.review.DismissalMatcher.Event;
import io.fleetflow.model.review.DismissalMatcher.Review;
import java.util.List;
import org.junit.jupiter.api.Test;

class DismissalMatcherTest {

    @Test
    void aDismissalFollowsItsEventToANewSeq() {
        List<Review> reviews =
                List.of(new Review("HARSH_BRAKING", 1_000, 2_000, ReviewStatus.DISMISSED));
        List<Event> events =
                List.of(
                        new Event(0, "SPEEDING", 0, 5_000),
                        new Event(1, "HARSH_BRAKING", 1_200, 2_100),
                        new Event(2, "HARSH_BRAKING", 9_000, 9_500));
        assertThat(DismissalMatcher.dismissedSeqs(reviews, events)).containsExactly(1);
    }

    @Test
    void otherStatusesDismissNothing() {
        List<Event> events = List.of(new Event(0, "HARSH_BRAKING", 1_000, 2_000));
        for (ReviewStatus s : ReviewStatus.values()) {
            if (s == ReviewStatus.DISMISSED) {
                continue;
            }
            assertThat(
                            DismissalMatcher.dismissedSeqs(
                                    List.of(new Review("HARSH_BRAKING", 1_000, 2_000, s)), events))
                    .as(s.wireName())
                    .isEmpty();
        }
    }

    @Test
    void anotherTypeOrNoOverlapIsNotDismissed() {
        List<Review> reviews =
                List.of(new Review("HARSH_BRAKING", 1_000, 2_000, ReviewStatus.DISMISSED));
        List<Event> events =
                List.of(
                        new Event(0, "HARSH_CORNERING", 1_000, 2_000),
                        new Event(1, "HARSH_BRAKING", 2_001, 3_000));
        assertThat(DismissalMatcher.dismissedSeqs(reviews, events)).isEmpty();
    }

    @Test
    void touchingEndsOverlap() {
        List<Review> reviews =
                List.of(new Review("SPEEDING", 1_000, 2_000, ReviewStatus.DISMISSED));
        assertThat(
                        DismissalMatcher.dismissedSeqs(
                                reviews, List.of(new Event(4, "SPEEDING", 2_000, 2_500))))
                .containsExactly(4);
    }

    @Test
    void oneReviewDismissesOnlyTheEventItOverlapsMost() {
        List<Review> reviews =
                List.of(new Review("SPEEDING", 1_000, 5_000, ReviewStatus.DISMISSED));
        List<Event> events =
                List.of(
                        new Event(0, "SPEEDING", 500, 1_500),
                        new Event(1, "SPEEDING", 2_000, 4_500));
        assertThat(DismissalMatcher.dismissedSeqs(reviews, events)).containsExactly(1);
    }

    @Test
    void twoDismissalsTakeTwoEvents() {
        List<Review> reviews =
                List.of(
                        new Review("SPEEDING", 1_000, 2_000, ReviewStatus.DISMISSED),
                        new Review("SPEEDING", 1_500, 2_500, ReviewStatus.DISMISSED));
        List<Event> events =
                List.of(
                        new Event(0, "SPEEDING", 1_000, 2_000),
                        new Event(1, "SPEEDING", 2_200, 2_600));
        assertThat(DismissalMatcher.dismissedSeqs(reviews, events)).containsExactly(0, 1);
    }
}
