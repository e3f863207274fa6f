package io.fleetflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetTest {

    @Test
    void theSameSeedGivesTheSameFleet() {
        assertThat(Fleet.create(20, 42).vehicles()).isEqualTo(Fleet.create(20, 42).vehicles());
        assertThat(Fleet.create(20, 43).vehicles()).isNotEqualTo(Fleet.create(20, 42).vehicles());
    }

    @Test
    void aLargeFleetMixesAllThreeStylesWithDistinctIds() {
        Fleet fleet = Fleet.create(1_000, 1);
        Map<DrivingStyle, Long> styles =
                fleet.vehicles().stream()
                        .collect(Collectors.groupingBy(Vehicle::style, Collectors.counting()));

        assertThat(styles.get(DrivingStyle.CALM)).isBetween(230L, 370L);
        assertThat(styles.get(DrivingStyle.NORMAL)).isBetween(420L, 580L);
        assertThat(styles.get(DrivingStyle.AGGRESSIVE)).isBetween(140L, 260L);
        assertThat(
                        fleet.vehicles().stream()
                                .collect(Collectors.toMap(Vehicle::vehicleId, Function.identity()))
                                .size())
                .isEqualTo(1_000);
    }

    @Test
    void tripSeedsDifferPerTrip() {
        Vehicle vehicle = Fleet.create(1, 5).vehicles().get(0);
        assertThat(vehicle.tripSeed(0)).isNotEqualTo(vehicle.tripSeed(1));
    }

    @Test
    void refusesAnEmptyFleet() {
        assertThatThrownBy(() -> Fleet.create(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
