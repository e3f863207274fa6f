package io.fleetflow.model;

import java.util.List;
import java.util.Objects;

/**
 * What reading a trip payload gave: the payload, or the field errors (at most the configured number
 * listed, the rest counted in {@code unlistedErrors}).
 */
public record ReadResult(TripPayload payload, List<FieldError> errors, int unlistedErrors) {

    public ReadResult {
        errors = List.copyOf(errors);
        if ((payload == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("exactly one of payload and errors must be given");
        }
    }

    static ReadResult ok(TripPayload payload) {
        return new ReadResult(Objects.requireNonNull(payload), List.of(), 0);
    }

    static ReadResult invalid(List<FieldError> errors, int unlistedErrors) {
        return new ReadResult(null, errors, unlistedErrors);
    }

    public boolean isValid() {
        return payload != null;
    }

    public int totalErrors() {
        return errors.size() + unlistedErrors;
    }
}
