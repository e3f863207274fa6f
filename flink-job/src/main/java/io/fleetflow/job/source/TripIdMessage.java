package io.fleetflow.job.source;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the trip id a queue message carries: its body, a UUID in canonical text form. Anything else
 * is a poison message, with the reason why.
 */
public final class TripIdMessage {

    /** Longest body worth decoding; a trip id is 36 characters. Value in bytes. */
    static final int MAX_BODY_BYTES = 64;

    private static final int UUID_TEXT_LENGTH = 36;

    private TripIdMessage() {}

    /** Why a message is not a trip id. */
    public enum Problem {
        EMPTY_BODY("message body is empty"),
        BODY_TOO_LONG("message body is longer than a trip id"),
        NOT_A_UUID("message body is not a UUID");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** A trip id, or the problem that kept the body from being one. */
    public record Parsed(UUID tripId, Problem problem) {
        public boolean isTripId() {
            return tripId != null;
        }
    }

    public static Parsed parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new Parsed(null, Problem.EMPTY_BODY);
        }
        if (body.length > MAX_BODY_BYTES) {
            return new Parsed(null, Problem.BODY_TOO_LONG);
        }
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return new Parsed(null, Problem.EMPTY_BODY);
        }
        return uuid(text)
                .map(id -> new Parsed(id, null))
                .orElseGet(() -> new Parsed(null, Problem.NOT_A_UUID));
    }

    /** A UUID in canonical form only: {@link UUID#fromString} also accepts shortened groups. */
    static Optional<UUID> uuid(String text) {
        if (text.length() != UUID_TEXT_LENGTH) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
