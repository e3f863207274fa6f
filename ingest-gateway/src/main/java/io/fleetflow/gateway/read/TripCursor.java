package io.fleetflow.gateway.read;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque keyset cursor of the trips list: the last item's {@code received_at} and id, so the
 * next page starts strictly after it even while new trips arrive.
 */
public record TripCursor(Instant receivedAt, UUID tripId) {

    public String encode() {
        String raw = receivedAt.getEpochSecond() + ":" + receivedAt.getNano() + ":" + tripId;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when the text is not a cursor this class wrote
     */
    public static TripCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new TripCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed cursor", e);
        }
    }
}
