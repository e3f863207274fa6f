package io.fleetflow.gateway.http;

/**
 * The gateway's paths, written once: the routes are declared from these (GatewayApp), the access
 * policy and the metrics match on them, and {@code openapi.json} documents them
 * (OpenApiRoutesITCase compares the two). The read API's other paths under {@link #API} are
 * declared by its controller; the paths it shares with the registry (vehicles, drivers) are here.
 */
public final class Routes {

    /** Every route of the versioned API lives below this path. */
    public static final String API = "/api/v1";

    /** Where devices post trips (the one route a device key may call). */
    public static final String INGEST = API + "/telemetry";

    /** The vehicles list (read API); below it a vehicle's registration and the CSV import. */
    public static final String VEHICLES = API + "/vehicles";

    public static final String VEHICLE = VEHICLES + "/{vehicleId}";
    public static final String VEHICLES_IMPORT = VEHICLES + "/import";

    /** The drivers list (read API); below it a driver (read API) and the CSV import. */
    public static final String DRIVERS = API + "/drivers";

    public static final String DRIVER = DRIVERS + "/{driverId}";
    public static final String DRIVERS_IMPORT = DRIVERS + "/import";

    /**
     * The fleet registry as registered (also vehicles and drivers with no trips), and its audit.
     */
    public static final String REGISTRY = API + "/registry";

    public static final String REGISTRY_VEHICLES = REGISTRY + "/vehicles";
    public static final String REGISTRY_DRIVERS = REGISTRY + "/drivers";
    public static final String REGISTRY_AUDIT = REGISTRY + "/audit";

    /** Alerts raised by crashes and severe events (docs/alerts.md), operator token. */
    public static final String ALERTS = API + "/alerts";

    public static final String ALERT_ACKNOWLEDGE = ALERTS + "/{alertId}/acknowledge";

    /** The safety inbox: detected events with their review status, newest first. */
    public static final String EVENTS = API + "/events";

    /** The safety inbox: an event's review (GET with its log, POST to change it). */
    public static final String EVENT_REVIEW = API + "/trips/{tripId}/events/{seq}/review";

    /**
     * The dashboard's sign-in: POST exchanges a token for a session cookie, GET says whose session
     * it is, DELETE signs out. Authenticates by its own rules (SessionController), not by the
     * API's.
     */
    public static final String SESSION = API + "/session";

    public static final String HEALTH = "/health";
    public static final String HEALTH_LIVE = HEALTH + "/live";
    public static final String HEALTH_READY = HEALTH + "/ready";
    public static final String METRICS = "/metrics";
    public static final String OPENAPI = "/openapi.json";

    private Routes() {}

    /** The last segment of a path below {@code parent}, as an {@code apiBuilder} path wants it. */
    public static String below(String parent, String route) {
        if (!route.startsWith(parent + "/")) {
            throw new IllegalArgumentException(route + " is not below " + parent);
        }
        return route.substring(parent.length() + 1);
    }
}
