package io.fleetflow.gateway.publish;

import java.util.List;
import java.util.UUID;

/** Hands a trip id to the scoring pipeline. */
public interface TripPublisher {

    /**
     * Publishes the id and returns once the broker has confirmed it (the message is then durable).
     * Throws when the broker is unreachable, refuses it, or does not confirm in time.
     */
    void publish(UUID tripId) throws PublishException;

    /**
     * Publishes the ids and returns once the broker has confirmed every one. Throws when any of
     * them was not confirmed (others may have been: a caller publishes those again, harmlessly).
     */
    default void publishAll(List<UUID> tripIds) throws PublishException {
        for (UUID id : tripIds) {
            publish(id);
        }
    }

    /** Like {@link #publish}, but answers {@code false} instead of throwing. */
    default boolean tryPublish(UUID tripId) {
        try {
            publish(tripId);
            return true;
        } catch (PublishException e) {
            return false;
        }
    }

    /** The broker did not take a message. */
    class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
