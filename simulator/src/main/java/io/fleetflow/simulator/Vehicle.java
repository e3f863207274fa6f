package io.fleetflow.simulator;

import java.util.UUID;

/** A simulated vehicle with its one driver, whose style shapes every trip it makes. */
public record Vehicle(int index, UUID vehicleId, UUID driverId, DrivingStyle style, long seed) {

    /** The seed of this vehicle's {@code tripNumber}-th trip: independent of timing and threads. */
    public long tripSeed(long tripNumber) {
        return seed * 0x9E3779B97F4A7C15L + tripNumber;
    }
}
