package io.fleetflow.gateway.ingest;

import io.fleetflow.gateway.http.BoundedInputStream;
import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import io.fleetflow.gateway.http.RequestBodies;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The body of a trip post as HTTP delivers it: its media type (UTF-8 JSON only), its encoding
 * (identity or gzip) and its size, bounded after decompression so a gzip bomb stops at the limit.
 */
final class TripBody {

    /** Largest uncompressed body read into memory before parsing. In bytes. */
    static final long IN_MEMORY_BODY_BYTES = 1 << 20;

    private final long maxBytes;

    TripBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Whether the body is read into memory first, which lets the reader parse a plainly written
     * trip straight from its bytes: when it is uncompressed and its declared length is at most
     * {@link #IN_MEMORY_BODY_BYTES}. Larger, compressed or chunked bodies are streamed.
     */
    static boolean readsInMemory(Context ctx, long declared) {
        String encoding = ctx.header("Content-Encoding");
        return declared >= 0
                && declared <= IN_MEMORY_BODY_BYTES
                && (encoding == null
                        || encoding.isBlank()
                        || encoding.equalsIgnoreCase("identity"));
    }

    InputStream open(Context ctx) throws IOException {
        InputStream raw = ctx.req().getInputStream();
        String encoding = ctx.header("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return new BoundedInputStream(raw, maxBytes);
        }
        if (encoding.trim().equalsIgnoreCase("gzip")) {
            // Bound the decompressed stream: a gzip bomb stops at the limit.
            return new BoundedInputStream(
                    new GZIPInputStream(new BoundedInputStream(raw, maxBytes), 8192), maxBytes);
        }
        throw new ProblemException(
                Problem.of(
                        "unsupported-encoding",
                        "Unsupported content encoding",
                        415,
                        "Content-Encoding must be gzip or identity, not " + encoding));
    }

    static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (!isUtf8Json(type)) {
            throw new ProblemException(
                    Problem.of(
                            "unsupported-media-type",
                            "Unsupported media type",
                            415,
                            "Content-Type must be application/json (UTF-8)"),
                    Map.of("Accept-Post", "application/json"));
        }
    }

    /** {@code application/json}, with no charset or with UTF-8 (RFC 8259 allows only UTF-8). */
    static boolean isUtf8Json(String contentType) {
        return RequestBodies.utf8MediaType(contentType).equals("application/json");
    }

    ProblemException tooLarge() {
        return new ProblemException(
                Problem.of(
                        "body-too-large",
                        "Body too large",
                        413,
                        "the body must not exceed " + maxBytes + " bytes after decompression"));
    }
}
