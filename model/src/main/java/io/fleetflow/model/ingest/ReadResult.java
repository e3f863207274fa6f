package io.fleetflow.model.ingest;

import io.fleetflow.model.TripPayload;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What reading a trip payload gave: the payload and its samples' stored form ({@link
 * io.fleetflow.model.blob.TripBlobCodec#encode}: format 2, decoding to exactly the payload's
 * samples), or the field errors (at most the configured number listed, the rest counted in {@code
 * unlistedErrors}).
 */
public record ReadResult(
        TripPayload payload, byte[] storedBlob, List<FieldError> errors, int unlistedErrors) {

    public ReadResult {
        errors = List.copyOf(errors);
        if ((payload == null) == errors.isEmpty() || (payload == null) != (storedBlob == null)) {
            throw new IllegalArgumentException(
                    "exactly one of payload (with its blob) and errors must be given");
        }
    }

    static ReadResult ok(TripPayload payload, byte[] storedBlob) {
        return new ReadResult(
                Objects.requireNonNull(payload), Objects.requireNonNull(storedBlob), List.of(), 0);
    }

    static ReadResult invalid(List<FieldError> errors, int unlistedErrors) {
        return new ReadResult(null, null, errors, unlistedErrors);
    }

    public boolean isValid() {
        return payload != null;
    }

    public int totalErrors() {
        return errors.size() + unlistedErrors;
    }

    /** Equal results: the same payload, the same blob bytes, the same errors. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReadResult other
                && Objects.equals(payload, other.payload)
                && Arrays.equals(storedBlob, other.storedBlob)
                && errors.equals(other.errors)
                && unlistedErrors == other.unlistedErrors;
    }

    @Override
    public int hashCode() {
        return Objects.hash(payload, Arrays.hashCode(storedBlob), errors, unlistedErrors);
    }

    @Override
    public String toString() {
        return "ReadResult[payload="
                + payload
                + ", storedBlob="
                + (storedBlob == null ? "null" : storedBlob.length + " bytes")
                + ", errors="
                + errors
                + ", unlistedErrors="
                + unlistedErrors
                + "]";
    }
}
