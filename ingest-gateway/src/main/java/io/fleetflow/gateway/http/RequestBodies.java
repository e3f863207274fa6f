package io.fleetflow.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.model.ingest.FieldError;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Request bodies (the registry's, reviews', the sign-in's), read whole and bounded: JSON ({@code
 * application/json}) or CSV ({@code text/csv}), UTF-8. Anything else is answered with 413, 415 or
 * 400 before it is parsed.
 */
public final class RequestBodies {

    private RequestBodies() {}

    public static JsonNode json(Context ctx, ObjectMapper mapper, int maxBytes) {
        String type = mediaType(ctx);
        if (!type.equals("application/json")) {
            throw unsupported("application/json");
        }
        byte[] bytes = body(ctx, maxBytes);
        try {
            return mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    new Problem(
                            "/problems/malformed-json",
                            "Malformed JSON",
                            400,
                            "the body is not valid JSON",
                            List.of(new FieldError("", "not valid JSON"))));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    public static String csv(Context ctx, int maxBytes) {
        if (!mediaType(ctx).equals("text/csv")) {
            throw unsupported("text/csv");
        }
        byte[] bytes = body(ctx, maxBytes);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(
                    Problem.of("invalid-csv", "Invalid CSV file", 400, "the file is not UTF-8"));
        }
    }

    private static byte[] body(Context ctx, int maxBytes) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = new BoundedInputStream(ctx.req().getInputStream(), maxBytes)) {
            return in.readAllBytes();
        } catch (BoundedInputStream.TooLargeException e) {
            throw tooLarge(maxBytes);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static String mediaType(Context ctx) {
        return utf8MediaType(ctx.contentType());
    }

    /**
     * The media type of a {@code Content-Type}, lower case, when it names no charset or UTF-8 (the
     * only one RFC 8259 allows for JSON, and the one this API reads); {@code ""} for any other
     * charset or no header at all.
     */
    public static String utf8MediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            if (param.startsWith("charset=")) {
                String charset = param.substring("charset=".length()).replace("\"", "").trim();
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return "";
                }
            }
        }
        return parts[0].trim();
    }

    private static ProblemException unsupported(String expected) {
        return new ProblemException(
                Problem.of(
                        "unsupported-media-type",
                        "Unsupported media type",
                        415,
                        "Content-Type must be " + expected + " (UTF-8)"));
    }

    private static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(
                Problem.of(
                        "body-too-large",
                        "Body too large",
                        413,
                        "the body must not exceed " + maxBytes + " bytes"));
    }

    /** 400: the body could not be read off the connection. */
    public static ProblemException unreadable(IOException e) {
        return new ProblemException(
                Problem.of(
                        "unreadable-body",
                        "Unreadable body",
                        400,
                        "the request body could not be read: " + e.getMessage()));
    }
}
