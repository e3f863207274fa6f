package io.fleetflow.gateway;

import io.fleetflow.model.ReadResult;
import io.fleetflow.model.TripBlobCodec;
import io.fleetflow.model.TripPayload;
import io.fleetflow.model.TripPayloadReader;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/telemetry}: validates a trip, commits it as {@code PENDING}, publishes its
 * id, and answers 202. The commit comes first: once the row exists the trip is never lost, even
 * when the publish fails (the relay publishes it later).
 */
public final class TelemetryController {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryController.class);

    private final TripPayloadReader reader;
    private final TripStore store;
    private final TripPublisher publisher;
    private final long maxBodyBytes;

    public TelemetryController(
            TripPayloadReader reader, TripStore store, TripPublisher publisher, long maxBodyBytes) {
        this.reader = reader;
        this.store = store;
        this.publisher = publisher;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void ingest(Context ctx) {
        requireJson(ctx);
        TripPayload trip = readValid(ctx);
        UUID tripId = UUID.randomUUID();
        String blob = TripBlobCodec.encode(trip.samples());
        try {
            store.insert(tripId, trip, blob);
        } catch (SQLException e) {
            LOG.warn("Could not store a trip of vehicle {}: {}", trip.vehicleId(), e.getMessage());
            throw ProblemException.serviceUnavailable(
                    "the trip store is unavailable; retry later", 5);
        }
        try {
            publisher.publish(tripId);
            store.markPublished(tripId);
        } catch (TripPublisher.PublishException | SQLException e) {
            // The trip is committed: the relay publishes it once the broker is back.
            LOG.warn("Trip {} stored but not yet published: {}", tripId, e.getMessage());
        }
        ctx.status(HttpStatus.ACCEPTED).json(new Accepted("QUEUED", tripId));
    }

    private TripPayload readValid(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream body = body(ctx)) {
            ReadResult result = reader.read(body);
            if (!result.isValid()) {
                String detail =
                        result.totalErrors() == 1
                                ? "1 problem in the trip"
                                : result.totalErrors()
                                        + " problems in the trip"
                                        + (result.unlistedErrors() > 0
                                                ? "; the first "
                                                        + result.errors().size()
                                                        + " are listed"
                                                : "");
                throw new ProblemException(
                        new Problem(
                                "/problems/invalid-trip",
                                "Invalid trip payload",
                                400,
                                detail,
                                result.errors()));
            }
            return result.payload();
        } catch (BoundedInputStream.TooLargeException e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new ProblemException(
                    Problem.of(
                            "unreadable-body",
                            "Unreadable body",
                            400,
                            "the request body could not be read: " + e.getMessage()));
        }
    }

    private InputStream body(Context ctx) throws IOException {
        InputStream raw = ctx.req().getInputStream();
        String encoding = ctx.header("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return new BoundedInputStream(raw, maxBodyBytes);
        }
        if (encoding.trim().equalsIgnoreCase("gzip")) {
            // Bound the decompressed stream: a gzip bomb stops at the limit.
            return new BoundedInputStream(
                    new GZIPInputStream(new BoundedInputStream(raw, maxBodyBytes), 8192),
                    maxBodyBytes);
        }
        throw new ProblemException(
                Problem.of(
                        "unsupported-encoding",
                        "Unsupported content encoding",
                        415,
                        "Content-Encoding must be gzip or identity, not " + encoding));
    }

    private static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            throw new ProblemException(
                    Problem.of(
                            "unsupported-media-type",
                            "Unsupported media type",
                            415,
                            "Content-Type must be application/json"));
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(
                Problem.of(
                        "body-too-large",
                        "Body too large",
                        413,
                        "the body must not exceed " + maxBodyBytes + " bytes after decompression"));
    }

    /** The 202 answer. */
    public record Accepted(String status, UUID tripId) {}
}
