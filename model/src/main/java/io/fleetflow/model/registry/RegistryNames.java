package io.fleetflow.model.registry;

/**
 * The fleet registry's tables and limits, written once: the gateway writes and joins them, the job
 * may read a vehicle's class from {@link #VEHICLES}. Definitions in {@code sql/init.sql}.
 */
public final class RegistryNames {

    /** One row per registered vehicle; {@code vehicle_id} is the id devices send. */
    public static final String VEHICLES = "telemetry.vehicles";

    /** One row per registered driver; {@code driver_id} is the id devices send. */
    public static final String DRIVERS = "telemetry.drivers";

    /** Every registry change: who (API key name), when, which entity, old and new row as JSON. */
    public static final String AUDIT = "telemetry.registry_audit";

    /** Longest display name of a vehicle or driver, in characters (the schema's CHECK). */
    public static final int MAX_NAME_LENGTH = 200;

    /** Longest external reference of a driver, in characters (the schema's CHECK). */
    public static final int MAX_EXTERNAL_REF_LENGTH = 100;

    private RegistryNames() {}
}
