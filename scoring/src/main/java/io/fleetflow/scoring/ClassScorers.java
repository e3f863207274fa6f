package io.fleetflow.scoring;

import io.fleetflow.model.registry.VehicleClass;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which scorer a trip gets, by the class of the vehicle that drove it (docs/scoring.md, "Vehicle
 * classes"): a vehicle nobody registered is scored as {@link VehicleClass#DEFAULT}.
 */
@FunctionalInterface
public interface ClassScorers extends Serializable {

    TripScorer forClass(VehicleClass vehicleClass);

    /** The product's: the risk model with each class's {@link ScoringConfig#forClass}. */
    static ClassScorers riskModel() {
        Map<VehicleClass, TripScorer> byClass = new EnumMap<>(VehicleClass.class);
        for (VehicleClass c : VehicleClass.values()) {
            byClass.put(c, new RiskModelScorer(ScoringConfig.forClass(c)));
        }
        return byClass::get;
    }

    /** One scorer for every class (tests, benchmarks, the seed rule). */
    static ClassScorers same(TripScorer scorer) {
        return c -> scorer;
    }
}
