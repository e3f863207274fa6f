package io.fleetflow.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.job.source.TripIdMessage.Problem;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TripIdMessageTest {

    private static final UUID TRIP = UUID.fromString("6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b");

    @Test
    void aCanonicalUuidBodyIsATripId() {
        assertThat(TripIdMessage.parse(bytes(TRIP.toString())).tripId()).isEqualTo(TRIP);
    }

    @Test
    void surroundingWhitespaceAndUpperCaseAreAccepted() {
        assertThat(TripIdMessage.parse(bytes(" " + TRIP.toString().toUpperCase() + "\n")).tripId())
                .isEqualTo(TRIP);
    }

    @Test
    void emptyBodiesArePoison() {
        assertThat(TripIdMessage.parse(new byte[0]).problem()).isEqualTo(Problem.EMPTY_BODY);
        assertThat(TripIdMessage.parse(null).problem()).isEqualTo(Problem.EMPTY_BODY);
        assertThat(TripIdMessage.parse(bytes("   ")).problem()).isEqualTo(Problem.EMPTY_BODY);
    }

    @Test
    void longBodiesArePoisonWithoutBeingDecoded() {
        byte[] body = new byte[1_000_000];
        assertThat(TripIdMessage.parse(body).problem()).isEqualTo(Problem.BODY_TOO_LONG);
    }

    @Test
    void textThatIsNotACanonicalUuidIsPoison() {
        assertThat(TripIdMessage.parse(bytes("{\"trip\":1}")).problem())
                .isEqualTo(Problem.NOT_A_UUID);
        // UUID.fromString would accept this shortened form; a trip id never looks like it.
        assertThat(TripIdMessage.parse(bytes("1-2-3-4-5")).problem()).isEqualTo(Problem.NOT_A_UUID);
        assertThat(TripIdMessage.parse(bytes("zzzzzzzz-3a4d-4e5f-8a9b-0c1d2e3f4a5b")).problem())
                .isEqualTo(Problem.NOT_A_UUID);
        assertThat(TripIdMessage.parse(new byte[] {(byte) 0xff, (byte) 0xfe}).isTripId()).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
