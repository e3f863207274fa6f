package io.fleetflow.simulator;

/**
 * How a simulated driver drives: how hard they launch and brake, how fast they take turns, and how
 * often they do something harsh. Accelerations in g, speeds as a fraction of the road's limit.
 * Ordinary driving stays below 0.4 g even for aggressive drivers; what makes them score worse is
 * the rate of harsh manoeuvres, planted on top.
 */
public enum DrivingStyle {
    CALM(0.15, 0.20, 0.20, 0.92, 0.2),
    NORMAL(0.22, 0.28, 0.28, 1.00, 0.6),
    AGGRESSIVE(0.30, 0.34, 0.36, 1.12, 2.0);

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
