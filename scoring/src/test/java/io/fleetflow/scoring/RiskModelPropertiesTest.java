package io.fleetflow.scoring;

import static io.fleetflow.scoring.TripFixture.trip;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.EventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/** Properties of the risk model over generated trips. */
class RiskModelPropertiesTest {

    private static final long SLOT_MS = 8_000;
    private final RiskModelScorer scorer = new RiskModelScorer();

    /** A clear manoeuvre: 30 % or more past its threshold, held 1 to 3 s. */
    record Manoeuvre(EventType type, double peakG, long durationMs, boolean left) {}

    @Provide
    Arbitrary<List<Manoeuvre>> manoeuvres() {
        Arbitrary<EventType> types =
                Arbitraries.of(
                        EventType.HARSH_BRAKING,
                        EventType.RAPID_ACCELERATION,
                        EventType.HARSH_CORNERING);
        Arbitrary<Manoeuvre> one =
                Combinators.combine(
                                types,
                                Arbitraries.doubles().between(1.3, 2.5),
                                Arbitraries.longs().between(1_000, 3_000),
                                Arbitraries.of(true, false))
                        .as(
                                (type, factor, duration, left) ->
                                        new Manoeuvre(
                                                type,
                                                factor
                                                        * ScoringConfig.DEFAULTS
                                                                .rule(type)
                                                                .thresholdG(),
                                                duration,
                                                left));
        return one.list().ofMaxSize(6);
    }

    private static TripFixture drive(List<Manoeuvre> manoeuvres) {
        TripFixture trip = trip(50, SLOT_MS * (manoeuvres.size() + 1)).cruising(60);
        long at = SLOT_MS / 2;
        for (Manoeuvre m : manoeuvres) {
            switch (m.type()) {
                case HARSH_BRAKING -> trip.braking(at, m.peakG(), m.durationMs());
                case RAPID_ACCELERATION -> trip.accelerating(at, m.peakG(), m.durationMs());
                default -> trip.cornering(at, m.left() ? m.peakG() : -m.peakG(), m.durationMs());
            }
            at += SLOT_MS;
        }
        return trip;
    }

    private static Map<EventType, Long> countsOf(List<Manoeuvre> manoeuvres) {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        manoeuvres.forEach(m -> counts.merge(m.type(), 1L, Long::sum));
        return counts;
    }

    private static Map<EventType, Long> countsOf(TripScore score) {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        score.events().forEach(e -> counts.merge(e.type(), 1L, Long::sum));
        return counts;
    }

    @Property(tries = 60)
    void everyClearManoeuvreIsOneEventAtFiftyAndAtTenHertz(
            @ForAll("manoeuvres") List<Manoeuvre> manoeuvres) {
        TripFixture trip = drive(manoeuvres);

        assertThat(countsOf(scorer.score(trip.build()))).isEqualTo(countsOf(manoeuvres));
        assertThat(countsOf(scorer.score(trip.decimated(5)))).isEqualTo(countsOf(manoeuvres));
    }

    @Property(tries = 60)
    void noiseWellBelowTheThresholdsAddsNoEvents(
            @ForAll("manoeuvres") List<Manoeuvre> manoeuvres,
            @ForAll @DoubleRange(min = 0, max = 0.1) double noiseG,
            @ForAll long seed) {
        TripScore clean = scorer.score(drive(manoeuvres).build());
        TripScore noisy = scorer.score(drive(manoeuvres).longNoise(noiseG, seed).build());

        assertThat(countsOf(noisy)).isEqualTo(countsOf(clean));
    }

    @Property(tries = 60)
    void pureNoiseBelowEveryThresholdIsNoEventAndAPerfectScore(
            @ForAll @DoubleRange(min = 0, max = 0.249) @Scale(3) double noiseG, @ForAll long seed) {
        TripScore score =
                scorer.score(trip(50, 60_000).cruising(60).longNoise(noiseG, seed).build());

        assertThat(score.events()).isEmpty();
        assertThat(score.safetyScore()).isEqualTo(100);
    }

    @Property(tries = 40)
    void aPauseShorterThanTheMergeGapKeepsOneEvent(
            @ForAll @LongRange(min = 0, max = 600) long pauseMs,
            @ForAll @IntRange(min = 0, max = 1) int decimate) {
        TripFixture trip =
                trip(50, 30_000)
                        .cruising(60)
                        .braking(10_000, 0.5, 1_000)
                        .braking(11_000 + pauseMs, 0.5, 1_000);

        TripScore score = scorer.score(decimate == 1 ? trip.decimated(5) : trip.build());

        assertThat(score.harshBrakingCount()).isEqualTo(1);
    }

    @Property(tries = 40)
    void aPauseLongerThanTheMergeGapSplitsTheEvent(
            @ForAll @LongRange(min = 1_600, max = 5_000) long pauseMs,
            @ForAll @IntRange(min = 0, max = 1) int decimate) {
        TripFixture trip =
                trip(50, 30_000)
                        .cruising(60)
                        .braking(10_000, 0.5, 1_000)
                        .braking(11_000 + pauseMs, 0.5, 1_000);

        TripScore score = scorer.score(decimate == 1 ? trip.decimated(5) : trip.build());

        assertThat(score.harshBrakingCount()).isEqualTo(2);
    }

    @Property
    void oneMoreEventNeverRaisesTheScore(
            @ForAll @IntRange(min = 0, max = 30) int braking,
            @ForAll @IntRange(min = 0, max = 30) int accel,
            @ForAll @IntRange(min = 0, max = 30) int cornering,
            @ForAll @IntRange(min = 0, max = 30) int speeding,
            @ForAll @DoubleRange(min = 0, max = 2_000) double distanceKm,
            @ForAll EventType extra) {
        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        counts.put(EventType.HARSH_BRAKING, braking);
        counts.put(EventType.RAPID_ACCELERATION, accel);
        counts.put(EventType.HARSH_CORNERING, cornering);
        counts.put(EventType.SPEEDING, speeding);
        int before = scorer.safetyScore(counts, distanceKm, 0);
        counts.merge(extra, 1, Integer::sum);
        int after = scorer.safetyScore(counts, distanceKm, 0);

        assertThat(after).isLessThanOrEqualTo(before).isBetween(0, 100);
    }
}
