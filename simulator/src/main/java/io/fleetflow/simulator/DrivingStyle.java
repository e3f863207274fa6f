package io.fleetflow.simulator;

/**
 * How a simulated driver drives: how hard they launch and brake, how fast they take turns, and how
 * often they do something harsh. Accelerations in g, speeds as a fraction of the road's limit.
 * Ordinary driving stays below every harsh threshold, even for aggressive drivers (everyday
 * launches 0.1-0.2 g, stops 0.15-0.26 g, turns up to 0.3 g: figures of passenger-car studies); what
 * makes them score worse is the rate of harsh manoeuvres, planted on top, which are labelled.
 */
public enum DrivingStyle {
    CALM(0.12, 0.15, 0.20, 0.92, 0.2),
    NORMAL(0.16, 0.20, 0.25, 1.00, 0.6),
    AGGRESSIVE(0.20, 0.26, 0.30, 1.12, 2.0);

    /** Typical forward acceleration when pulling away. Value in g. */
    public final double launchG;

    /** Typical deceleration when stopping. Value in g (positive). */
    public final double brakeG;

    /** Lateral acceleration the driver accepts in a turn. Value in g. */
    public final double cornerG;

    /** Cruising speed as a fraction of the road's speed limit. */
    public final double speedFactor;

    /**
     * Default rate of harsh manoeuvres (braking, launches, cornering). Value in events per minute.
     */
    public final double harshEventsPerMinute;

    DrivingStyle(
            double launchG,
            double brakeG,
            double cornerG,
            double speedFactor,
            double harshEventsPerMinute) {
        this.launchG = launchG;
        this.brakeG = brakeG;
        this.cornerG = cornerG;
        this.speedFactor = speedFactor;
        this.harshEventsPerMinute = harshEventsPerMinute;
    }

    public static DrivingStyle parse(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
