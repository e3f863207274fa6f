package io.fleetflow.gateway.registry;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.auth.ApiKey;
import io.fleetflow.gateway.auth.AuthHandler;
import io.fleetflow.gateway.http.Problem;
import io.fleetflow.gateway.http.ProblemException;
import io.fleetflow.gateway.http.RequestBodies;
import io.fleetflow.gateway.http.Routes;
import io.fleetflow.model.ingest.FieldError;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fleet registry's routes: create or update a vehicle or driver (PUT, JSON), read one, list the
 * registry, import a CSV file of either, and read the audit. Writes need an operator token ({@link
 * io.fleetflow.gateway.auth.AccessPolicy}); the key's name is recorded as who changed what. Every
 * bad field is named in one problem+json and nothing is stored.
 */
public final class RegistryController {

    /** Largest JSON body of one registration. */
    public static final int MAX_JSON_BYTES = 16 * 1024;

    /** Largest CSV file. */
    public static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

    static final int DEFAULT_AUDIT_LIMIT = 100;
    static final int MAX_AUDIT_LIMIT = 1_000;

    /** Who changed the registry when authentication is off. */
    static final String ANONYMOUS = "anonymous (authentication off)";

    private final RegistryStore store;
    private final RegistryAudit audit;
    private final ObjectMapper mapper;

    public RegistryController(RegistryStore store, RegistryAudit audit, ObjectMapper mapper) {
        this.store = store;
        this.audit = audit;
        this.mapper = mapper;
    }

    /** Declares the routes (call inside the {@code api/v1} path of an {@code apiBuilder}). */
    public void routes() {
        put(below(Routes.VEHICLE), this::putVehicle);
        get(below(Routes.VEHICLE), this::getVehicle);
        post(below(Routes.VEHICLES_IMPORT), this::importVehicles);
        put(below(Routes.DRIVER), this::putDriver);
        post(below(Routes.DRIVERS_IMPORT), this::importDrivers);
        get(below(Routes.REGISTRY_VEHICLES), ctx -> ctx.json(Map.of("items", db(store::vehicles))));
        get(below(Routes.REGISTRY_DRIVERS), ctx -> ctx.json(Map.of("items", db(store::drivers))));
        get(below(Routes.REGISTRY_AUDIT), this::audit);
    }

    void putVehicle(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        UUID id = pathId(ctx, "vehicleId", errors);
        RegistryRules.Checked<VehicleInput> input =
                RegistryRules.vehicle(RequestBodies.json(ctx, mapper, MAX_JSON_BYTES));
        errors.addAll(input.errors());
        requireValid(errors, "invalid-vehicle", "Invalid vehicle", "the vehicle");
        ctx.json(db(() -> store.saveVehicle(id, input.value(), who(ctx))).value());
    }

    void putDriver(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        UUID id = pathId(ctx, "driverId", errors);
        RegistryRules.Checked<DriverInput> input =
                RegistryRules.driver(RequestBodies.json(ctx, mapper, MAX_JSON_BYTES));
        errors.addAll(input.errors());
        requireValid(errors, "invalid-driver", "Invalid driver", "the driver");
        ctx.json(db(() -> store.saveDriver(id, input.value(), who(ctx))).value());
    }

    void getVehicle(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        UUID id = pathId(ctx, "vehicleId", errors);
        requireValid(errors, "invalid-parameter", "Invalid path parameter", "the path");
        ctx.json(
                db(() -> store.vehicle(id))
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                Problem.of(
                                                        "not-found",
                                                        "Not found",
                                                        404,
                                                        "no registered vehicle " + id))));
    }

    void importVehicles(Context ctx) {
        RegistryCsv.Parsed<VehicleInput> parsed =
                RegistryCsv.vehicles(RequestBodies.csv(ctx, MAX_CSV_BYTES));
        requireValidFile(parsed);
        ctx.json(db(() -> store.importVehicles(parsed.lines(), who(ctx))));
    }

    void importDrivers(Context ctx) {
        RegistryCsv.Parsed<DriverInput> parsed =
                RegistryCsv.drivers(RequestBodies.csv(ctx, MAX_CSV_BYTES));
        requireValidFile(parsed);
        ctx.json(db(() -> store.importDrivers(parsed.lines(), who(ctx))));
    }

    void audit(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        String entity = ctx.queryParam("entity");
        if (entity != null && !entity.equals("vehicle") && !entity.equals("driver")) {
            errors.add(new FieldError("/query/entity", "must be vehicle or driver"));
        }
        String idText = ctx.queryParam("id");
        UUID id = idText == null ? null : RegistryRules.uuid(idText);
        if (idText != null && id == null) {
            errors.add(new FieldError("/query/id", "must be a UUID"));
        } else if (id != null && entity == null) {
            errors.add(new FieldError("/query/entity", "is required with id"));
        }
        int limit = DEFAULT_AUDIT_LIMIT;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
                errors.add(
                        new FieldError(
                                "/query/limit", "must be an integer from 1 to " + MAX_AUDIT_LIMIT));
            }
        }
        requireValid(errors, "invalid-parameter", "Invalid query parameter", "the query");
        int bounded = limit;
        ctx.json(Map.of("items", db(() -> audit.audit(entity, id, bounded))));
    }

    private static String below(String route) {
        return Routes.below(Routes.API, route);
    }

    private static String who(Context ctx) {
        ApiKey key = ctx.attribute(AuthHandler.API_KEY_ATTRIBUTE);
        return key == null ? ANONYMOUS : key.name();
    }

    private static UUID pathId(Context ctx, String param, List<FieldError> errors) {
        UUID id = RegistryRules.uuid(ctx.pathParam(param));
        if (id == null) {
            errors.add(new FieldError("/path/" + param, "must be a UUID"));
        }
        return id;
    }

    private static void requireValid(
            List<FieldError> errors, String slug, String title, String what) {
        if (errors.isEmpty()) {
            return;
        }
        String detail =
                errors.size() == 1
                        ? "1 problem in " + what
                        : errors.size() + " problems in " + what;
        throw new ProblemException(new Problem("/problems/" + slug, title, 400, detail, errors));
    }

    private static void requireValidFile(RegistryCsv.Parsed<?> parsed) {
        if (parsed.isValid()) {
            return;
        }
        int total = parsed.totalErrors();
        String detail =
                (total == 1 ? "1 problem in the file" : total + " problems in the file")
                        + (total > parsed.errors().size()
                                ? "; the first " + parsed.errors().size() + " are listed"
                                : "")
                        + "; nothing was imported";
        throw new ProblemException(
                new Problem(
                        "/problems/invalid-csv", "Invalid CSV file", 400, detail, parsed.errors()));
    }

    @FunctionalInterface
    private interface Query<T> {
        T get() throws SQLException;
    }

    private static <T> T db(Query<T> query) {
        try {
            return query.get();
        } catch (SQLException e) {
            throw ProblemException.serviceUnavailable(
                    "the database is unavailable; retry later", 5);
        }
    }
}
