package io.fleetflow.model.ingest;

/**
 * One violation in a request body: where it is, as an RFC 6901 JSON pointer, and what is wrong.
 *
 * @param pointer JSON pointer to the offending value, e.g. {@code /data/3/speed_kmh}; empty for the
 *     whole document
 * @param message what is wrong, written for the device developer who must fix it
 */
public record FieldError(String pointer, String message) {}
