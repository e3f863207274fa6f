package io.fleetflow.gateway.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetflow.model.ingest.FieldError;
import io.fleetflow.model.review.ReviewNames;
import io.fleetflow.model.review.ReviewStatus;
import java.util.List;

/** Validation of a review body, pure: every bad field named by its JSON pointer. */
final class ReviewRules {

    private ReviewRules() {}

    /** Validates a review body; adds an error per bad field and answers null when there is one. */
    static ReviewInput input(JsonNode body, List<FieldError> errors) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("", "must be a JSON object"));
            return null;
        }
        int before = errors.size();
        body.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!List.of("status", "reason", "comment").contains(name)) {
                                errors.add(new FieldError("/" + name, "is not a review field"));
                            }
                        });
        ReviewStatus status = null;
        JsonNode statusNode = body.get("status");
        if (statusNode == null || statusNode.isNull()) {
            errors.add(new FieldError("/status", "is required"));
        } else {
            status =
                    statusNode.isTextual()
                            ? ReviewStatus.fromWireName(statusNode.textValue()).orElse(null)
                            : null;
            if (status == null) {
                errors.add(
                        new FieldError(
                                "/status",
                                "must be one of " + String.join(", ", ReviewStatus.wireNames())));
            }
        }
        String reason = text(body, "reason", ReviewNames.MAX_REASON, errors);
        String comment = text(body, "comment", ReviewNames.MAX_COMMENT, errors);
        if (status == ReviewStatus.DISMISSED
                && reason == null
                && errors.stream().noneMatch(e -> e.pointer().equals("/reason"))) {
            errors.add(new FieldError("/reason", "is required when the status is dismissed"));
        }
        return errors.size() == before ? new ReviewInput(status, reason, comment) : null;
    }

    /** A trimmed optional text field; blank counts as not given. */
    private static String text(JsonNode body, String field, int max, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("/" + field, "must be a string"));
            return null;
        }
        String value = node.textValue().strip();
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError("/" + field, "must be at most " + max + " characters"));
            return null;
        }
        return value.isEmpty() ? null : value;
    }
}
