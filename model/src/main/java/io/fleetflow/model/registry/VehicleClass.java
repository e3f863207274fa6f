package io.fleetflow.model.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What kind of vehicle a registered vehicle is; the wire names match {@code
 * telemetry.vehicles.vehicle_class}, the API and the dashboard. A vehicle that is not registered
 * counts as {@link #DEFAULT}.
 */
public enum VehicleClass {
    CAR("car"),
    VAN("van"),
    HEAVY_TRUCK("heavy_truck"),
    BUS("bus");

    /** The class of a vehicle nobody has registered. */
    public static final VehicleClass DEFAULT = CAR;

    private final String wireName;

    VehicleClass(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON, CSV and the database. */
    public String wireName() {
        return wireName;
    }

    /** The class with this wire name (exact, lower case), or empty. */
    public static Optional<VehicleClass> fromWireName(String name) {
        for (VehicleClass c : values()) {
            if (c.wireName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every wire name, in declaration order, e.g. for error messages and the schema's CHECK. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(VehicleClass::wireName).toList();
    }
}
