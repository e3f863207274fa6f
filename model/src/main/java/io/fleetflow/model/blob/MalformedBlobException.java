package io.fleetflow.model.blob;

/** A stored trip blob that cannot be read: the trip fails with this message as its reason. */
public class MalformedBlobException extends RuntimeException {
    public MalformedBlobException(String message) {
        super(message);
    }

    public MalformedBlobException(String message, Throwable cause) {
        super(message, cause);
    }
}
