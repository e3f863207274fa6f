package io.fleetflow.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * N vehicles and drivers, derived from one seed: the same seed gives the same ids and styles. The
 * mix is about 30 % calm, 50 % normal and 20 % aggressive drivers.
 */
public final class Fleet {

    private final List<Vehicle> vehicles;

    private Fleet(List<Vehicle> vehicles) {
        this.vehicles = List.copyOf(vehicles);
    }

    public static Fleet create(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("a fleet needs at least one vehicle, not " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Vehicle> vehicles = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double draw = random.nextDouble();
            DrivingStyle style =
                    draw < 0.3
                            ? DrivingStyle.CALM
                            : draw < 0.8 ? DrivingStyle.NORMAL : DrivingStyle.AGGRESSIVE;
            vehicles.add(
                    new Vehicle(
                            i,
                            uuid("vehicle", seed, i),
                            uuid("driver", seed, i),
                            style,
                            random.nextLong()));
        }
        return new Fleet(vehicles);
    }

    public List<Vehicle> vehicles() {
        return vehicles;
    }

    public int size() {
        return vehicles.size();
    }

    private static UUID uuid(String kind, long seed, int index) {
        return UUID.nameUUIDFromBytes(
                ("fleetflow-sim/" + kind + "/" + seed + "/" + index)
                        .getBytes(StandardCharsets.UTF_8));
    }
}
