package io.fleetflow.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetflow.model.ingest.FieldError;
import java.util.List;

/**
 * The one error shape of the API, {@code application/problem+json} (RFC 9457), with the list of
 * field errors when the request body was at fault.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem("/problems/" + slug, title, status, detail, List.of());
    }
}
