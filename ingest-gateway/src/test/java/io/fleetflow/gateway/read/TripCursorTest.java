package io.fleetflow.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TripCursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        TripCursor cursor =
                new TripCursor(Instant.parse("2026-05-01T08:00:00.123456Z"), UUID.randomUUID());

        assertThat(TripCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void foreignTextIsRefused() {
        assertThatThrownBy(() -> TripCursor.decode("not a cursor"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TripCursor.decode("MTIzOmFiYzpk"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
