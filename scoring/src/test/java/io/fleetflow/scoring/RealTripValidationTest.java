package io.fleetflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetflow.model.EventType;
import io.fleetflow.scoring.eval.Evaluation;
import io.fleetflow.scoring.eval.Label;
import io.fleetflow.scoring.eval.TypeScore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays the real labelled recording (same trip at 10 Hz and 50 Hz) through the default model and
 * checks recall and precision per event type against the human labels. A detection matches a label
 * when their intervals overlap with {@link Evaluation#TOLERANCE_MS} of slack on either side. Fails,
 * never skips, when the data is missing. Figures are printed for docs/scoring.md.
 */
class RealTripValidationTest {

    /** Results by payload file name, e.g. trip_17_10hz.json. */
    private static final Map<String, List<DrivingEvent>> DETECTED = new LinkedHashMap<>();

    private static List<Label> labels;

    @BeforeAll
    static void replayEveryRecording() throws IOException {
        JsonNode trip = RealTrip.groundTruth().get("trips").get("17");
        labels = RealTrip.labels(trip);
        RiskModelScorer scorer = new RiskModelScorer();
        for (JsonNode file : trip.get("files")) {
            TripScore score = scorer.score(RealTrip.samples(file.asText()));
            DETECTED.put(file.asText(), score.events());
        }
        assertThat(DETECTED).containsKeys("trip_17_10hz.json", "trip_17_50hz.json");
        DETECTED.forEach(RealTripValidationTest::report);
    }

    @Test
    void harshBrakingIsFoundAndMostlyRightAtBothRates() {
        DETECTED.forEach(
                (file, events) -> {
                    TypeScore m = Evaluation.of(events, labels).of(EventType.HARSH_BRAKING);
                    assertThat(m.found()).as(file + " braking recall").isGreaterThanOrEqualTo(5);
                    assertThat(m.labelled()).isEqualTo(6);
                    assertThat(m.precision())
                            .as(file + " braking precision")
                            .isGreaterThanOrEqualTo(0.8);
                });
    }

    @Test
    void rapidAccelerationIsFoundAndMostlyRightAtBothRates() {
        DETECTED.forEach(
                (file, events) -> {
                    TypeScore m = Evaluation.of(events, labels).of(EventType.RAPID_ACCELERATION);
                    assertThat(m.found())
                            .as(file + " acceleration recall")
                            .isGreaterThanOrEqualTo(5);
                    assertThat(m.labelled()).isEqualTo(6);
                    assertThat(m.precision())
                            .as(file + " acceleration precision")
                            .isGreaterThanOrEqualTo(0.8);
                });
    }

    @Test
    void tenAndFiftyHertzCountsDifferByAtMostOnePerType() {
        List<DrivingEvent> tenHz = DETECTED.get("trip_17_10hz.json");
        List<DrivingEvent> fiftyHz = DETECTED.get("trip_17_50hz.json");
        for (EventType type : EventType.values()) {
            assertThat(Math.abs(count(tenHz, type) - count(fiftyHz, type)))
                    .as(type + " count at 10 Hz vs 50 Hz")
                    .isLessThanOrEqualTo(1);
        }
    }

    private static long count(List<DrivingEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type).count();
    }

    private static void report(String file, List<DrivingEvent> events) {
        Evaluation e = Evaluation.of(events, labels);
        TypeScore b = e.of(EventType.HARSH_BRAKING);
        TypeScore a = e.of(EventType.RAPID_ACCELERATION);
        System.out.printf(
                "%s: braking recall %d/%d precision %d/%d = %.2f; acceleration recall %d/%d"
                        + " precision %d/%d = %.2f; cornering events %d%n",
                file,
                b.found(),
                b.labelled(),
                b.correct(),
                b.detected(),
                b.precision(),
                a.found(),
                a.labelled(),
                a.correct(),
                a.detected(),
                a.precision(),
                count(events, EventType.HARSH_CORNERING));
        events.forEach(event -> System.out.println("  " + event));
    }
}
