package io.fleetflow.job.rescore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetflow.job.options.JobOptions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RescoreSelectionTest {

    /** 2026-05-01T00:00Z. */
    private static final long MAY_1 = 1_777_593_600_000L;

    private static final long DAY = 86_400_000L;

    @Test
    void aRangeOfDaysCoversTheLastDayWhole() {
        RescoreSelection s = select("--from", "2026-05-01", "--to", "2026-05-31");

        assertThat(s.fromMs).isEqualTo(MAY_1);
        assertThat(s.toMs).isEqualTo(MAY_1 + 31 * DAY);
        assertThat(s.drivers).isEmpty();
        assertThat(s.vehicles).isEmpty();
    }

    @Test
    void driversAndVehiclesAreCommaSeparatedIdsWithoutRepeats() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        RescoreSelection s =
                select(
                        "--from",
                        "2026-05-01",
                        "--to",
                        "2026-05-01",
                        "--driver",
                        a + ", " + b + "," + a,
                        "--vehicle",
                        b.toString());

        assertThat(s.drivers).containsExactly(a, b);
        assertThat(s.vehicles).containsExactly(b);
        assertThat(s.toMs - s.fromMs).isEqualTo(DAY);
    }

    @Test
    void everyBadValueIsNamedAtOnce() {
        assertThatThrownBy(() -> select("--from", "May 1st", "--driver", "nobody"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--from (May 1st)")
                .hasMessageContaining("--to is required")
                .hasMessageContaining("--driver (nobody)");
        assertThatThrownBy(() -> select("--from", "2026-05-02", "--to", "2026-05-01"))
                .hasMessageContaining("--to (2026-05-01) is before --from (2026-05-02)");
    }

    @Test
    void slicesTileTheRangeAndTheLastEndsWithIt() {
        RescoreSelection s = select("--from", "2026-05-01", "--to", "2026-05-02");

        List<Long> starts = s.sliceStarts(7);

        assertThat(starts).hasSize(7); // 48 h in slices of 7 h: six whole, one of 6 h
        assertThat(starts.get(0)).isEqualTo(MAY_1);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(s.sliceEnd(starts.get(i - 1), 7)).isEqualTo(starts.get(i));
        }
        assertThat(s.sliceEnd(starts.get(6), 7)).isEqualTo(s.toMs);
    }

    private static RescoreSelection select(String... args) {
        return RescoreSelection.of(JobOptions.fromArgs(args));
    }
}
