package io.fleetflow.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TripStatusFilterTest {

    @Test
    void rareStatusesNameTheirPartialIndexesPredicateAndCompletedNothing() {
        assertThat(TripStatusFilter.implied("FAILED"))
                .isEqualTo(" AND t.failure_reason IS NOT NULL");
        assertThat(TripStatusFilter.implied("PENDING")).isEqualTo(" AND t.completed_at IS NULL");
        assertThat(TripStatusFilter.implied("PROCESSING")).isEqualTo(" AND t.completed_at IS NULL");
        assertThat(TripStatusFilter.implied("COMPLETED")).isEmpty();
    }
}
