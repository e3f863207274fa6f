package io.fleetflow.gateway.ingest;

import io.fleetflow.gateway.http.BoundedInputStream;
import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import io.fleetflow.gateway.http.RequestBodies;
import io.fleetflow.gateway.ops.GatewayMetrics;
import io.fleetflow.gateway.publish.BackgroundPublisher;
import io.fleetflow.gateway.publish.PublicationStore;
import io.fleetflow.gateway.publish.TripPublisher;
import io.fleetflow.model.TripPayload;
import io.fleetflow.model.ingest.ReadResult;
import io.fleetflow.model.ingest.TripPayloadReader;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/telemetry}: validates a trip, commits it as {@code PENDING}, answers 202 and
 * publishes its id (in the background when a {@link BackgroundPublisher} is given). The commit
 * comes first: once the row exists the trip is never lost, even when the publish fails (the relay
 * publishes it later).
 *
 * <p>Idempotency: with an {@code Idempotency-Key} header, a retry with the same key and the same
 * body answers the first trip's id and writes and publishes nothing; the same key with another body
 * is refused with 422. The unique index on the key settles concurrent retries.
 */
public final class TelemetryController {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryController.class);

    private final TripPayloadReader reader;
    private final TripStore store;
    private final BackgroundPublisher background;
    private final TripBody body;
    private final GatewayMetrics metrics;

    /** Header a client sets to make retries safe. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    /** Header set on an answer that repeats an earlier trip instead of storing a new one. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /** With one publishing thread and metrics of its own: for tests of the routes. */
    public TelemetryController(
            TripPayloadReader reader,
            TripStore store,
            PublicationStore publications,
            TripPublisher publisher,
            long maxBodyBytes) {
        this(reader, store, publisher, publications, maxBodyBytes, new GatewayMetrics());
    }

    private TelemetryController(
            TripPayloadReader reader,
            TripStore store,
            TripPublisher publisher,
            PublicationStore publications,
            long maxBodyBytes,
            GatewayMetrics metrics) {
        this(
                reader,
                store,
                new BackgroundPublisher(publisher, publications, 1, metrics),
                maxBodyBytes,
                metrics);
    }

    /**
     * @param background publishes trip ids right after the answer; the relay covers failures
     */
    public TelemetryController(
            TripPayloadReader reader,
            TripStore store,
            BackgroundPublisher background,
            long maxBodyBytes,
            GatewayMetrics metrics) {
        this.reader = reader;
        this.store = store;
        this.background = background;
        this.body = new TripBody(maxBodyBytes);
        this.metrics = metrics;
    }

    public void ingest(Context ctx) {
        TripBody.requireJson(ctx);
        String idempotencyKey = idempotencyKey(ctx);
        MessageDigest digest = idempotencyKey == null ? null : sha256();
        ReadResult read = readValid(ctx, digest);
        TripPayload trip = read.payload();
        UUID tripId = UUID.randomUUID();
        byte[] blob = read.storedBlob();
        TripStore.Insert outcome;
        try {
            outcome =
                    store.insert(
                            tripId,
                            trip,
                            blob,
                            idempotencyKey,
                            digest == null ? null : HexFormat.of().formatHex(digest.digest()));
        } catch (SQLException e) {
            LOG.warn("Could not store a trip of vehicle {}: {}", trip.vehicleId(), e.getMessage());
            throw ProblemException.serviceUnavailable(
                    "the trip store is unavailable; retry later", 5);
        }
        if (outcome instanceof TripStore.Insert.Conflict) {
            throw new ProblemException(
                    Problem.of(
                            "idempotency-key-reused",
                            "Idempotency key reused",
                            422,
                            "this Idempotency-Key was already used with a different body; use a"
                                    + " new key for a new trip"));
        }
        if (outcome instanceof TripStore.Insert.Replayed replayed) {
            // Stored before; if its publish failed the relay takes care of it.
            metrics.tripReplayed();
            ctx.header(REPLAYED_HEADER, "true");
            accepted(ctx, replayed.tripId());
            return;
        }
        background.submit(tripId);
        accepted(ctx, tripId);
    }

    /**
     * Answers {@code 202 {"status":"QUEUED","trip_id":...}}, written by hand: it is every accepted
     * trip's answer, and the general JSON mapper cost as much as encoding a small trip's samples.
     */
    private static void accepted(Context ctx, UUID tripId) {
        ctx.disableCompression(); // a hundred bytes: not worth wrapping the output stream
        ctx.status(HttpStatus.ACCEPTED)
                .contentType(ContentType.APPLICATION_JSON)
                .result("{\"status\":\"QUEUED\",\"trip_id\":\"" + tripId + "\"}");
    }

    private static String idempotencyKey(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_HEADER);
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new ProblemException(
                    new Problem(
                            "/problems/invalid-header",
                            "Invalid header",
                            400,
                            "Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID",
                            java.util.List.of(
                                    new io.fleetflow.model.ingest.FieldError(
                                            "/headers/Idempotency-Key",
                                            "must be 1 to 200 visible ASCII characters"))));
        }
        return key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private ReadResult readValid(Context ctx, MessageDigest digest) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > body.maxBytes()) {
            throw body.tooLarge();
        }
        try (InputStream in =
                digest == null ? body.open(ctx) : new DigestInputStream(body.open(ctx), digest)) {
            ReadResult result =
                    TripBody.readsInMemory(ctx, declared)
                            ? reader.read(in.readNBytes((int) declared))
                            : reader.read(in);
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
            return result;
        } catch (BoundedInputStream.TooLargeException e) {
            throw body.tooLarge();
        } catch (IOException e) {
            throw RequestBodies.unreadable(e);
        }
    }
}
