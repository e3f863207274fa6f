package io.fleetflow.scoring;

import io.fleetflow.model.EventType;
import io.fleetflow.model.registry.VehicleClass;
import java.io.Serializable;
import java.util.Objects;

/**
 * Every parameter of the risk model for one vehicle class: smoothing, one {@link EventRule} per
 * g-force event type, the {@link SpeedingRule} and the minimum exposure. Immutable. {@link #tag()}
 * names the class and the parameter revision and ends up in every stored score, so re-tuning is
 * visible per row. See docs/scoring.md.
 *
 * @param vehicleClass short name of the vehicle class, e.g. {@code car}
 * @param revision bumped whenever a default below changes
 * @param smoothingWindowMs width of the centred moving average applied to both g channels. In ms.
 * @param minExposureKm distance below which a trip is scored as if it were this long. In km.
 * @param reboundWindowMs how long after a braking or acceleration event ends an opposite pulse with
 *     less energy is taken for its rebound and not counted. In ms.
 * @param crash how collisions are recognised and what they cost
 */
public record ScoringConfig(
        String vehicleClass,
        int revision,
        long smoothingWindowMs,
        EventRule braking,
        EventRule acceleration,
        EventRule cornering,
        SpeedingRule speeding,
        double minExposureKm,
        long reboundWindowMs,
        CrashRule crash)
        implements Serializable {

    /** Slowest sampling at which a crash impulse (~100 ms) can be seen. In Hz. */
    public static final double MIN_CRASH_RATE_HZ = 25;

    /** Passenger cars and vans. */
    public static final ScoringConfig DEFAULTS =
            new ScoringConfig(
                    "car",
                    2,
                    250,
                    new EventRule(0.35, 0.5, 500, 1_000, 0.45, 0.60, 2.0, 0.30),
                    new EventRule(0.25, 0.5, 500, 1_000, 0.35, 0.50, 1.0, 0.15),
                    new EventRule(0.35, 0.5, 500, 1_000, 0.45, 0.60, 1.5, 0.30),
                    new SpeedingRule(120, 10_000, 5_000, 10, 20, 2.0),
                    25.0,
                    3_000,
                    new CrashRule(1.5, 2.5, 7, 200, 20, 40));

    /**
     * Loaded heavy trucks: they cannot reach car-level g without danger (load shift, rollover), so
     * thresholds are lower and the speed limit is the usual truck limit.
     */
    public static final ScoringConfig HEAVY_TRUCK =
            new ScoringConfig(
                    "heavy-truck",
                    2,
                    250,
                    new EventRule(0.25, 0.5, 500, 1_000, 0.32, 0.45, 2.0, 0.22),
                    new EventRule(0.18, 0.5, 500, 1_000, 0.25, 0.35, 1.0, 0.15),
                    new EventRule(0.20, 0.5, 500, 1_000, 0.28, 0.40, 1.5, 0.17),
                    new SpeedingRule(90, 10_000, 5_000, 10, 20, 2.0),
                    50.0,
                    3_000,
                    new CrashRule(1.5, 2.5, 7, 200, 20, 40));

    /**
     * Vans and light commercial vehicles (up to 3.5 t, often loaded): a higher centre of gravity
     * and a load that shifts make a van unsafe a little before a car (thresholds about 10 % lower),
     * and their engines rarely pull more than 0.25 g, so a hard van launch starts at 0.22 g.
     */
    public static final ScoringConfig VAN =
            new ScoringConfig(
                    "van",
                    1,
                    250,
                    new EventRule(0.32, 0.5, 500, 1_000, 0.42, 0.55, 2.0, 0.27),
                    new EventRule(0.22, 0.5, 500, 1_000, 0.30, 0.42, 1.0, 0.13),
                    new EventRule(0.30, 0.5, 500, 1_000, 0.40, 0.52, 1.5, 0.26),
                    new SpeedingRule(110, 10_000, 5_000, 10, 20, 2.0),
                    25.0,
                    3_000,
                    new CrashRule(1.5, 2.5, 7, 200, 20, 40));

    /**
     * Buses and coaches with passengers, some standing: a standing passenger loses balance from
     * about 0.15 g, so the thresholds are those of passenger comfort rather than of the vehicle's
     * limits (braking 0.25 g, launches 0.15 g, turns 0.20 g), and the speed limit is the usual
     * coach limit.
     */
    public static final ScoringConfig BUS =
            new ScoringConfig(
                    "bus",
                    1,
                    250,
                    new EventRule(0.25, 0.5, 500, 1_000, 0.32, 0.45, 2.0, 0.22),
                    new EventRule(0.15, 0.5, 500, 1_000, 0.20, 0.28, 1.0, 0.09),
                    new EventRule(0.20, 0.5, 500, 1_000, 0.28, 0.40, 1.5, 0.17),
                    new SpeedingRule(100, 10_000, 5_000, 10, 20, 2.0),
                    50.0,
                    3_000,
                    new CrashRule(1.5, 2.5, 7, 200, 20, 40));

    /** The configuration a registered vehicle class is scored with. */
    public static ScoringConfig forClass(VehicleClass vehicleClass) {
        return switch (vehicleClass) {
            case CAR -> DEFAULTS;
            case VAN -> VAN;
            case HEAVY_TRUCK -> HEAVY_TRUCK;
            case BUS -> BUS;
        };
    }

    public ScoringConfig {
        Objects.requireNonNull(vehicleClass, "vehicleClass");
        Objects.requireNonNull(braking, "braking");
        Objects.requireNonNull(acceleration, "acceleration");
        Objects.requireNonNull(cornering, "cornering");
        Objects.requireNonNull(speeding, "speeding");
        Objects.requireNonNull(crash, "crash");
        if (reboundWindowMs < 0) {
            throw new IllegalArgumentException("reboundWindowMs must not be negative");
        }
        if (vehicleClass.isBlank() || revision < 0) {
            throw new IllegalArgumentException("vehicleClass and revision are required");
        }
        if (smoothingWindowMs < 0) {
            throw new IllegalArgumentException("smoothingWindowMs must not be negative");
        }
        if (!(minExposureKm > 0) || !Double.isFinite(minExposureKm)) {
            throw new IllegalArgumentException("minExposureKm must be positive: " + minExposureKm);
        }
    }

    /** {@code vehicleClass-revision}, e.g. {@code car-1}. */
    public String tag() {
        return vehicleClass + "-" + revision;
    }

    /** The rule for a g-force event type. */
    public EventRule rule(EventType type) {
        return switch (type) {
            case HARSH_BRAKING -> braking;
            case RAPID_ACCELERATION -> acceleration;
            case HARSH_CORNERING -> cornering;
            case SPEEDING -> throw new IllegalArgumentException("speeding has a SpeedingRule");
            case CRASH -> throw new IllegalArgumentException("a crash is not a g-force rule");
        };
    }

    /** Penalty points per event per 100 km for any event type. */
    public double weight(EventType type) {
        return switch (type) {
            case SPEEDING -> speeding.weight();
            case CRASH -> 0; // a crash is not a rate per distance: CrashRule#penalty
            default -> rule(type).weight();
        };
    }
}
