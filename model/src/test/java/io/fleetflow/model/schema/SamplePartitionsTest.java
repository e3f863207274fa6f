package io.fleetflow.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetflow.model.schema.SamplePartitions.Week;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplePartitionsTest {

    /** A Friday afternoon. */
    private static final Instant FRIDAY = Instant.parse("2026-12-04T15:30:00Z");

    private static Week week(String monday) {
        return new Week(LocalDate.parse(monday));
    }

    @Test
    void aWeekRunsFromMondayMidnightUtcToTheNextAndIsNamedByItsMonday() {
        Week w = Week.of(FRIDAY);
        assertThat(w).isEqualTo(week("2026-11-30"));
        assertThat(w.name()).isEqualTo("trip_samples_p20261130");
        assertThat(w.from()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(Week.of(w.from())).isEqualTo(w);
        assertThat(Week.of(w.to().minusNanos(1))).isEqualTo(w);
        assertThat(Week.of(w.to())).isEqualTo(w.next());
    }

    @Test
    void namesParseBackAndOtherTablesAreNotWeeks() {
        assertThat(Week.parse("trip_samples_p20261130")).contains(week("2026-11-30"));
        assertThat(Week.parse(SamplePartitions.DEFAULT_PARTITION)).isEmpty();
        assertThat(Week.parse("trip_samples_p20261201")).isEmpty(); // a Tuesday
        assertThat(Week.parse("trip_samples_p2026113")).isEmpty();
        assertThat(Week.parse("trip_samples_pabcdefgh")).isEmpty();
        assertThatThrownBy(() -> week("2026-12-01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCurrentWeekAndTheWeeksAheadAreWanted() {
        assertThat(SamplePartitions.wanted(FRIDAY, 2))
                .containsExactly(week("2026-11-30"), week("2026-12-07"), week("2026-12-14"));
        assertThat(SamplePartitions.wanted(FRIDAY, 0)).containsExactly(week("2026-11-30"));
        // across a year's end: ISO years play no part
        assertThat(SamplePartitions.wanted(Instant.parse("2026-12-31T23:59:59Z"), 1))
                .containsExactly(week("2026-12-28"), week("2027-01-04"));
        assertThatThrownBy(() -> SamplePartitions.wanted(FRIDAY, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coveringSpansEveryWeekBetweenTwoInstants() {
        assertThat(
                        SamplePartitions.covering(
                                Instant.parse("2026-11-15T10:00:00Z"), FRIDAY)) // a Sunday
                .containsExactly(
                        week("2026-11-09"),
                        week("2026-11-16"),
                        week("2026-11-23"),
                        week("2026-11-30"));
        assertThat(SamplePartitions.covering(FRIDAY, FRIDAY)).containsExactly(Week.of(FRIDAY));
        assertThatThrownBy(() -> SamplePartitions.covering(FRIDAY, FRIDAY.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingIsWhatIsWantedButAbsentOldestFirst() {
        List<Week> wanted = SamplePartitions.wanted(FRIDAY, 3);
        assertThat(SamplePartitions.missing(wanted, List.of(week("2026-12-07"))))
                .containsExactly(week("2026-11-30"), week("2026-12-14"), week("2026-12-21"));
        assertThat(SamplePartitions.missing(wanted, wanted)).isEmpty();
    }

    @Test
    void onlyWeeksEntirelyOlderThanTheRetentionExpire() {
        List<Week> existing =
                List.of(
                        week("2026-09-07"),
                        week("2026-08-31"),
                        week("2026-08-24"),
                        Week.of(FRIDAY));
        // 90 days before Friday 2026-12-04 15:30 is Saturday 2026-09-05 15:30: the week of
        // 2026-08-31 still holds younger samples
        assertThat(SamplePartitions.expired(existing, FRIDAY, Duration.ofDays(90)))
                .containsExactly(week("2026-08-24"));
        // a week ending exactly at the horizon is expired
        assertThat(
                        SamplePartitions.expired(
                                existing,
                                week("2026-09-07").from().plus(Duration.ofDays(90)),
                                Duration.ofDays(90)))
                .containsExactly(week("2026-08-24"), week("2026-08-31"));
        assertThatThrownBy(() -> SamplePartitions.expired(existing, FRIDAY, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
