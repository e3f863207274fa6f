package io.fleetflow.job.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.job.failure.FailureKind;
import io.fleetflow.job.failure.TripFailure;
import io.fleetflow.job.lookup.LookedUpTrip;
import io.fleetflow.model.EventType;
import io.fleetflow.model.Severity;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.scoring.ClassScorers;
import io.fleetflow.scoring.CrashImpact;
import io.fleetflow.scoring.DrivingEvent;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.scoring.TripMetrics;
import io.fleetflow.scoring.TripScore;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.scoring.TripSensing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scoring operator in Flink's operator harness: scores out, failures to the side output. */
class ScoreTripFunctionTest {

    private static final String TRIP = "11111111-2222-4333-8444-555555555555";
    private static final String DRIVER = "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String VEHICLE = "3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10";
    private static final long MAY_1 = 1_777_622_400_000L;

    private OneInputStreamOperatorTestHarness<LookedUpTrip, ScoredTrip> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new ScoreTripFunction(Scorers.defaultScorer())));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aReadableTripIsScoredWithItsIdentity() throws Exception {
        harness.processElement(new StreamRecord<>(found(TRIP, blob(hardBrakingTrip())), 5));

        List<ScoredTrip> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        ScoredTrip scored = out.get(0);
        assertThat(scored.tripId).isEqualTo(TRIP);
        assertThat(scored.driverId).isEqualTo(DRIVER);
        assertThat(scored.vehicleId).isEqualTo(VEHICLE);
        assertThat(scored.harshBrakingCount).isEqualTo(1);
        assertThat(scored.scoringVersion).isEqualTo(Scorers.defaultScorer().version());
        assertThat(harness.getSideOutput(ScoreTripFunction.FAILURES)).isNullOrEmpty();
    }

    @Test
    void anUnreadableBlobFailsTheTripWithItsReasonInsteadOfTheJob() throws Exception {
        harness.processElement(
                new StreamRecord<>(
                        found(TRIP, "{\"format\":1,\"speed".getBytes(StandardCharsets.UTF_8)), 5));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(ScoreTripFunction.FAILURES))
                .singleElement()
                .satisfies(
                        r -> {
                            TripFailure f = r.getValue();
                            assertThat(f.tripId).isEqualTo(TRIP);
                            assertThat(f.reason).startsWith("stored telemetry is unreadable");
                        });
    }

    @Test
    void aLookupFailurePassesThroughAndAnUnknownTripIsDropped() throws Exception {
        harness.processElement(
                new StreamRecord<>(
                        LookedUpTrip.failed(TRIP, FailureKind.LOOKUP_TIMEOUT, "timed out"), 5));
        harness.processElement(
                new StreamRecord<>(
                        LookedUpTrip.unrecordable(FailureKind.UNKNOWN_TRIP, "no trip"), 6));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(ScoreTripFunction.FAILURES))
                .singleElement()
                .satisfies(r -> assertThat(r.getValue().reason).isEqualTo("timed out"));
    }

    @Test
    void aCrashCarriesItsImpactAndTheTripItsSensing() throws Exception {
        harness.close();
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new ScoreTripFunction(new OneCrashScorer())));
        harness.open();

        harness.processElement(new StreamRecord<>(found(TRIP, blob(hardBrakingTrip())), 5));

        ScoredTrip scored = harness.extractOutputValues().get(0);
        assertThat(scored.crashCount).isEqualTo(1);
        assertThat(scored.mountYawDeg).isEqualTo(-7.5);
        assertThat(scored.crashDetection).isTrue();
        assertThat(scored.events)
                .containsExactly(
                        new TripEventRecord("HARSH_BRAKING", 1_000, 2_500, 0.6, "HARSH"),
                        new TripEventRecord(
                                "CRASH", 60_000, 60_120, 3.1, "SEVERE", 24.0, 52.0, null));
    }

    /** Reports one braking event and one major crash on any trip, with a mount estimate. */
    private static final class OneCrashScorer implements TripScorer {
        private static final long serialVersionUID = 1L;

        @Override
        public TripScore score(TripSamples samples) {
            List<DrivingEvent> events =
                    List.of(
                            new DrivingEvent(
                                    EventType.HARSH_BRAKING, 1_000, 2_500, 0.6, Severity.HARSH),
                            new DrivingEvent(
                                    EventType.CRASH,
                                    60_000,
                                    60_120,
                                    3.1,
                                    Severity.SEVERE,
                                    new CrashImpact(3.1, 24.0, 52.0, null, true)));
            return new TripScore(
                    30,
                    1,
                    0,
                    0,
                    0,
                    1,
                    0,
                    TripMetrics.of(samples),
                    new TripSensing(-7.5, true),
                    events,
                    version());
        }

        @Override
        public String version() {
            return "test-crash/1";
        }
    }

    @Test
    void eachTripIsScoredWithItsVehiclesClassAndAnUnregisteredOrUnknownClassAsACar()
            throws Exception {
        try (OneInputStreamOperatorTestHarness<LookedUpTrip, ScoredTrip> byClass =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new ScoreTripFunction(ClassScorers.riskModel())))) {
            byClass.open();
            String[] classes = {"bus", "heavy_truck", "van", null, "tram"};
            for (int i = 0; i < classes.length; i++) {
                LookedUpTrip trip = found("trip-" + i, blob(hardBrakingTrip()));
                trip.vehicleClass = classes[i];
                byClass.processElement(new StreamRecord<>(trip, i));
            }

            assertThat(byClass.extractOutputValues())
                    .extracting(s -> s.scoringVersion)
                    .containsExactly(
                            "risk-model-2/bus-1",
                            "risk-model-2/heavy-truck-2",
                            "risk-model-2/van-1",
                            "risk-model-2/car-2",
                            "risk-model-2/car-2");
        }
    }

    private static LookedUpTrip found(String tripId, byte[] blob) {
        return LookedUpTrip.found(tripId, DRIVER, VEHICLE, MAY_1, blob);
    }

    private static byte[] blob(TripSamples samples) {
        return TripBlobCodec.encode(samples);
    }

    /** Two minutes at 50 km/h at 10 Hz with one 1.5 s stop at 0.6 g in the middle. */
    private static TripSamples hardBrakingTrip() {
        int n = 1_200;
        double[] speed = new double[n];
        double[] gLong = new double[n];
        double[] gLat = new double[n];
        Random noise = new Random(1);
        for (int i = 0; i < n; i++) {
            boolean braking = i >= 600 && i < 615;
            speed[i] = 50;
            gLong[i] = braking ? -0.6 : noise.nextGaussian() * 0.03;
            gLat[i] = noise.nextGaussian() * 0.03;
        }
        return new TripSamples(null, 10.0, speed, gLong, gLat);
    }
}
