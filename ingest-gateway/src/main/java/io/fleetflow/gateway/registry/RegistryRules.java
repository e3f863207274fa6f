package io.fleetflow.gateway.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetflow.model.ingest.FieldError;
import io.fleetflow.model.registry.RegistryNames;
import io.fleetflow.model.registry.VehicleClass;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What a registration must look like, with no I/O: one small check per field, shared by the JSON
 * bodies and the CSV import, and every violation of a body collected at once.
 */
public final class RegistryRules {

    /** The fields of a vehicle's JSON body and CSV header, besides the id column. */
    public static final Set<String> VEHICLE_FIELDS = Set.of("name", "vehicle_class", "active");

    /** The fields of a driver's JSON body and CSV header, besides the id column. */
    public static final Set<String> DRIVER_FIELDS = Set.of("name", "external_ref", "active");

    private RegistryRules() {}

    /** A body's validated input, or the errors that keep it from being one. */
    public record Checked<T>(T value, List<FieldError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /**
     * The UUID in its canonical 36-character form (any case, surrounding blanks ignored), or {@code
     * null}: {@link UUID#fromString} alone also takes shortened forms such as {@code 1-2-3-4-5}.
     */
    public static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What is wrong with a display name, or {@code null} when it is fine. */
    public static String nameProblem(String name) {
        if (name == null) {
            return "is required";
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return "must not be blank";
        }
        if (trimmed.codePointCount(0, trimmed.length()) > RegistryNames.MAX_NAME_LENGTH) {
            return "must be at most " + RegistryNames.MAX_NAME_LENGTH + " characters";
        }
        return null;
    }

    /** What is wrong with an external reference, or {@code null}; {@code null} itself is fine. */
    public static String externalRefProblem(String ref) {
        if (ref == null) {
            return null;
        }
        String trimmed = ref.strip();
        if (trimmed.isEmpty()) {
            return "must not be blank (leave it out or send null for none)";
        }
        if (trimmed.codePointCount(0, trimmed.length()) > RegistryNames.MAX_EXTERNAL_REF_LENGTH) {
            return "must be at most " + RegistryNames.MAX_EXTERNAL_REF_LENGTH + " characters";
        }
        return null;
    }

    public static String classProblem(String wireName) {
        if (wireName == null) {
            return "is required: one of " + VehicleClass.wireNames();
        }
        return VehicleClass.fromWireName(wireName.strip()).isPresent()
                ? null
                : "must be one of " + VehicleClass.wireNames();
    }

    /** {@code true}/{@code false} as CSV writes them (any case); empty means the default, true. */
    public static Boolean parseActive(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "true" -> true;
            case "false" -> false;
            default -> null;
        };
    }

    public static Checked<VehicleInput> vehicle(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!objectBody(body, VEHICLE_FIELDS, errors)) {
            return new Checked<>(null, errors);
        }
        String name = text(body, "name", errors);
        String cls = text(body, "vehicle_class", errors);
        boolean active = active(body, errors);
        check(errors, "/name", nameProblem(name), wrongType(body, "name"));
        check(errors, "/vehicle_class", classProblem(cls), wrongType(body, "vehicle_class"));
        return errors.isEmpty()
                ? new Checked<>(
                        new VehicleInput(
                                name.strip(),
                                VehicleClass.fromWireName(cls.strip()).orElseThrow(),
                                active),
                        errors)
                : new Checked<>(null, errors);
    }

    public static Checked<DriverInput> driver(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!objectBody(body, DRIVER_FIELDS, errors)) {
            return new Checked<>(null, errors);
        }
        String name = text(body, "name", errors);
        String ref = text(body, "external_ref", errors);
        boolean active = active(body, errors);
        check(errors, "/name", nameProblem(name), wrongType(body, "name"));
        check(errors, "/external_ref", externalRefProblem(ref), wrongType(body, "external_ref"));
        return errors.isEmpty()
                ? new Checked<>(
                        new DriverInput(name.strip(), ref == null ? null : ref.strip(), active),
                        errors)
                : new Checked<>(null, errors);
    }

    private static boolean objectBody(JsonNode body, Set<String> fields, List<FieldError> errors) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("", "the body must be a JSON object"));
            return false;
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!fields.contains(field)) {
                errors.add(
                        new FieldError(
                                "/" + field.replace("~", "~0").replace("/", "~1"),
                                "unknown field; allowed are " + sorted(fields)));
            }
        }
        return true;
    }

    /** The string at {@code field}; a value of another type is an error here, absent is null. */
    private static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("/" + field, "must be a string"));
            return null;
        }
        return node.textValue();
    }

    private static boolean wrongType(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && !node.isNull() && !node.isTextual();
    }

    private static boolean active(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("active");
        if (node == null || node.isNull()) {
            return true;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError("/active", "must be true or false"));
            return true;
        }
        return node.booleanValue();
    }

    /** Adds the problem unless the field already has its type error. */
    private static void check(
            List<FieldError> errors, String pointer, String problem, boolean typeErrorReported) {
        if (problem != null && !typeErrorReported) {
            errors.add(new FieldError(pointer, problem));
        }
    }

    private static List<String> sorted(Set<String> fields) {
        return fields.stream().sorted().toList();
    }
}
