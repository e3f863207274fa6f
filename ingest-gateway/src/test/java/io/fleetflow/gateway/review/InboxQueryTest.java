package io.fleetflow.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.model.ingest.FieldError;
import io.fleetflow.model.review.ReviewStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxQueryTest {

    private final List<FieldError> errors = new ArrayList<>();

    private EventInbox.Filter parse(Map<String, String> query) {
        return InboxQuery.parse(query::get, errors);
    }

    private List<String> pointers() {
        return errors.stream().map(FieldError::pointer).toList();
    }

    @Test
    void aDayRunsFromItsStartToTheNextDaysStartInUtc() {
        EventInbox.Filter f = parse(Map.of("from", "2026-05-02", "to", "2026-05-02"));

        assertThat(errors).isEmpty();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-05-02T00:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-05-03T00:00:00Z"));
    }

    @Test
    void dateTimesKeepTheirInstantWhateverTheOffset() {
        EventInbox.Filter f =
                parse(Map.of("from", "2026-05-02T10:00:00+02:00", "to", "2026-05-02T09:00:00.5Z"));

        assertThat(errors).isEmpty();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-05-02T08:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-05-02T09:00:00.500Z"));
    }

    @Test
    void noParametersMeanEverythingFiftyAtATime() {
        EventInbox.Filter f = parse(Map.of());

        assertThat(errors).isEmpty();
        assertThat(f)
                .isEqualTo(
                        new EventInbox.Filter(
                                null, null, null, null, null, null, null, null, null, 50));
    }

    @Test
    void idsAndNamesAreTaken() {
        UUID driver = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        EventInbox.Filter f =
                parse(
                        Map.of(
                                "driver_id", driver.toString(),
                                "trip_id", trip.toString(),
                                "status", "dismissed",
                                "type", "CRASH",
                                "limit", "7"));

        assertThat(errors).isEmpty();
        assertThat(f.driverId()).isEqualTo(driver);
        assertThat(f.tripId()).isEqualTo(trip);
        assertThat(f.status()).isEqualTo(ReviewStatus.fromWireName("dismissed").orElseThrow());
        assertThat(f.type()).isEqualTo("CRASH");
        assertThat(f.limit()).isEqualTo(7);
    }

    @Test
    void everyBadParameterIsNamed() {
        parse(
                Map.of(
                        "driver_id", "7",
                        "vehicle_id", "1-2-3-4-5",
                        "trip_id", "not-a-uuid-at-all-but-36-characters!",
                        "from", "2026-02-30",
                        "to", "2026-05-02 08:00",
                        "severity", "harsh",
                        "limit", "501"));

        assertThat(pointers())
                .containsExactlyInAnyOrder(
                        "/query/driver_id",
                        "/query/vehicle_id",
                        "/query/trip_id",
                        "/query/from",
                        "/query/to",
                        "/query/severity",
                        "/query/limit");
    }

    @Test
    void toMustBeAfterFromAndInsideYearsOneTo9999() {
        parse(Map.of("from", "2026-05-02T00:00:00Z", "to", "2026-05-01"));
        assertThat(pointers()).containsExactly("/query/to");
        errors.clear();

        parse(Map.of("from", "2026-05-02T00:00:00Z", "to", "2026-05-02T00:00:00Z"));
        assertThat(pointers()).containsExactly("/query/to");
        errors.clear();

        parse(Map.of("from", "-0001-01-01T00:00:00Z", "to", "+10000-01-01T00:00:00Z"));
        assertThat(pointers()).containsExactlyInAnyOrder("/query/from", "/query/to");
    }
}
