package io.fleetflow.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import io.fleetflow.scoring.DrivingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static DrivingEvent event(EventType type, long startMs, long endMs) {
        return new DrivingEvent(type, startMs, endMs, 0.5, Severity.HARSH);
    }

    @Test
    void aDetectionCountsWhenItOverlapsALabelOfItsTypeWithinTheTolerance() {
        List<Label> labels =
                List.of(
                        new Label("harsh_braking", 10_000, 12_000),
                        new Label("harsh_braking", 50_000, 51_000),
                        new Label("harsh_acceleration", 20_000, 21_000));
        List<DrivingEvent> events =
                List.of(
                        event(EventType.HARSH_BRAKING, 12_400, 13_000), // 400 ms after: found
                        event(EventType.HARSH_BRAKING, 30_000, 31_000), // nothing there
                        event(EventType.HARSH_CORNERING, 50_000, 51_000), // wrong type
                        event(EventType.RAPID_ACCELERATION, 21_600, 22_000)); // 600 ms: missed

        Evaluation e = Evaluation.of(events, labels);

        assertThat(e.of(EventType.HARSH_BRAKING)).isEqualTo(new TypeScore(2, 1, 2, 1));
        assertThat(e.of(EventType.RAPID_ACCELERATION)).isEqualTo(new TypeScore(1, 0, 1, 0));
        assertThat(e.of(EventType.HARSH_CORNERING)).isEqualTo(new TypeScore(0, 0, 1, 0));
        assertThat(e.of(EventType.HARSH_BRAKING).f1()).isEqualTo(0.5);
        assertThat(e.of(EventType.HARSH_CORNERING).recall()).isNaN();
    }

    @Test
    void turnsAreCorneringAndLaneChangesAreReportedApart() {
        List<Label> labels =
                List.of(
                        new Label("harsh_turn_left", 1_000, 3_000),
                        new Label("harsh_lane_change_right", 10_000, 12_000),
                        new Label("harsh_lane_change_left", 20_000, 22_000));
        List<DrivingEvent> events =
                List.of(
                        event(EventType.HARSH_CORNERING, 2_000, 2_500),
                        event(EventType.HARSH_CORNERING, 11_000, 11_500));

        Evaluation e = Evaluation.of(events, labels);

        assertThat(e.of(EventType.HARSH_CORNERING)).isEqualTo(new TypeScore(1, 1, 2, 1));
        assertThat(e.laneChanges()).isEqualTo(new TypeScore(2, 1, 0, 0));
    }

    @Test
    void evaluationsOfSeveralTripsAddUp() {
        Evaluation one =
                Evaluation.of(
                        List.of(event(EventType.HARSH_BRAKING, 0, 1_000)),
                        List.of(new Label("harsh_braking", 0, 1_000)));
        Evaluation two =
                Evaluation.of(
                        List.of(event(EventType.HARSH_BRAKING, 5_000, 6_000)),
                        List.of(new Label("harsh_acceleration", 0, 1_000)));

        Evaluation both = Evaluation.empty().plus(one).plus(two);

        assertThat(both.of(EventType.HARSH_BRAKING)).isEqualTo(new TypeScore(1, 1, 2, 1));
        assertThat(both.of(EventType.RAPID_ACCELERATION)).isEqualTo(new TypeScore(1, 0, 0, 0));
        assertThat(both.of(EventType.HARSH_BRAKING).precision()).isEqualTo(0.5);
    }
}
