package io.fleetflow.simulator;

import io.fleetflow.simulator.SimulatedTrip.PlantedEvent;
import io.fleetflow.simulator.SimulatedTrip.PlantedEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The driver's state machine, advanced in small time steps: idle at a stop, launch, cruise, slow
 * for a turn or a stop, take the turn, and now and then a harsh manoeuvre (or, rarely, a crash). It
 * holds the true speed and accelerations; {@link TripGenerator} samples them and adds sensor noise.
 *
 * <p>Longer than 300 lines: it is one state machine whose phases all read and write the same
 * vehicle state (speed, targets, the phase clock); split across classes, that state would have to
 * be passed around or shared, which is harder to follow than one switch.
 */
final class ManoeuvrePlanner {

    static final double G = 9.80665;

    /** Road speed limits the driver meets. Values in km/h. */
    private static final double[] SPEED_LIMITS_KMH = {30, 50, 50, 60, 80, 100};

    /** Largest correction while cruising: holding speed never looks harsh. Value in g. */
    private static final double CRUISE_CONTROL_MAX_G = 0.08;

    private enum Phase {
        IDLE,
        LAUNCH,
        CRUISE,
        SLOW,
        TURN,
        HARSH,
        CRASH
    }

    /** Slowest speed at which a crash is planted: below it a knock is not a collision. In m/s. */
    private static final double MIN_CRASH_SPEED_MS = 20 / 3.6;

    private final DrivingStyle style;
    private final SplittableRandom random;
    private final double eventsPerSecond;
    private final List<PlantedEvent> planted = new ArrayList<>();

    private Phase phase = Phase.IDLE;
    private double now; // s since the trip's start
    private double phaseStart;
    private double phaseLength; // s, for timed phases
    private double speed; // m/s
    private double gLong;
    private double gLat;
    private double cruiseTarget; // m/s
    private double slowTarget; // m/s
    private double turnRadius; // m, signed: positive turns left
    private double phasePeakG;
    private Kind harshKind;
    private double nextHarshAt;
    private double crashAt; // s since the trip's start; infinite when the trip has none
    private boolean crashed;
    private double crashDirection; // radians, 0 = the car pushed forward, π = stopped from ahead

    /**
     * @param crashAtS when the trip crashes (the first moment from then on that it drives at 20
     *     km/h or more), or infinity
     */
    ManoeuvrePlanner(
            DrivingStyle style,
            double harshEventsPerMinute,
            double crashAtS,
            SplittableRandom random) {
        this.style = style;
        this.random = random;
        this.eventsPerSecond = harshEventsPerMinute / 60.0;
        this.nextHarshAt = nextEventTime(0);
        this.crashAt = crashAtS;
        enter(Phase.IDLE, 2 + random.nextDouble(8));
    }

    double speedMs() {
        return speed;
    }

    double longitudinalG() {
        return gLong;
    }

    double lateralG() {
        return gLat;
    }

    List<PlantedEvent> plantedEvents() {
        return planted;
    }

    /** Advances by {@code dt} seconds; {@code secondsLeft} lets the trip end at a stop. */
    void step(double dt, double secondsLeft) {
        boolean stopping = phase == Phase.SLOW && slowTarget == 0;
        boolean free = phase == Phase.LAUNCH || phase == Phase.TURN || phase == Phase.CRUISE;
        if (free && !stopping && secondsLeft < stoppingSeconds() + 3) {
            slowTo(0); // the trip ends at a stop, whatever the driver was doing
        }
        double elapsed = now - phaseStart;
        gLat = 0;
        switch (phase) {
            case IDLE -> {
                gLong = 0;
                if (elapsed >= phaseLength && secondsLeft > 15) {
                    cruiseTarget = pickCruiseSpeed();
                    enter(Phase.LAUNCH, 0);
                }
            }
            case LAUNCH -> {
                double taper = 1 - Math.pow(Math.min(1, speed / cruiseTarget), 3);
                gLong = style.launchG * Math.min(1, elapsed / 0.8) * Math.max(0.15, taper);
                if (speed >= cruiseTarget * 0.97) {
                    enter(Phase.CRUISE, 10 + random.nextDouble(50));
                }
            }
            case CRUISE -> {
                double wobble = 0.02 * Math.sin(now * 0.7) + 0.01 * Math.sin(now * 2.3);
                double control = (cruiseTarget - speed) / G / 4.0;
                gLong = clamp(control, CRUISE_CONTROL_MAX_G) + wobble;
                if (now >= crashAt && speed >= MIN_CRASH_SPEED_MS) {
                    startCrash();
                } else if (secondsLeft < stoppingSeconds() + 5) {
                    slowTo(0);
                } else if (now >= nextHarshAt && secondsLeft > stoppingSeconds() + 15) {
                    startHarsh();
                } else if (elapsed >= phaseLength) {
                    chooseAfterCruise();
                }
            }
            case SLOW -> {
                gLong = -style.brakeG * Math.min(1, elapsed / 0.8);
                if (speed <= slowTarget + 0.05) {
                    speed = slowTarget;
                    if (slowTarget == 0) {
                        gLong = 0;
                        boolean staysStopped = secondsLeft < 20 || crashed;
                        enter(Phase.IDLE, staysStopped ? 1e9 : 5 + random.nextDouble(40));
                    } else {
                        enter(Phase.TURN, 3 + random.nextDouble(5));
                    }
                }
            }
            case TURN -> {
                gLong = 0;
                double envelope = Math.sin(Math.PI * Math.min(1, elapsed / phaseLength));
                gLat = speed * speed / turnRadius / G * envelope;
                if (elapsed >= phaseLength) {
                    enter(Phase.LAUNCH, 0);
                }
            }
            case HARSH -> stepHarsh(elapsed);
            case CRASH -> stepCrash(elapsed);
        }
        speed = Math.max(0, speed + gLong * G * dt);
        if (speed == 0 && gLong < 0) {
            gLong = 0;
        }
        now += dt;
    }

    private void chooseAfterCruise() {
        double choice = random.nextDouble();
        if (choice < 0.35) {
            turnRadius = (15 + random.nextDouble(45)) * (random.nextBoolean() ? 1 : -1);
            double turnSpeed = Math.sqrt(style.cornerG * G * Math.abs(turnRadius));
            slowTo(Math.min(turnSpeed, speed * 0.8));
        } else if (choice < 0.65) {
            slowTo(0);
        } else {
            double next = pickCruiseSpeed();
            if (next > speed) {
                cruiseTarget = next;
                enter(Phase.LAUNCH, 0);
            } else {
                cruiseTarget = next;
                enter(Phase.CRUISE, 10 + random.nextDouble(40));
            }
        }
    }

    private void startHarsh() {
        double pick = random.nextDouble();
        harshKind =
                pick < 0.45
                        ? Kind.HARSH_BRAKING
                        : pick < 0.75 ? Kind.RAPID_ACCELERATION : Kind.HARSH_CORNERING;
        // Shapes of labelled real manoeuvres (shared/data/real and the dataset it comes from): hard
        // brakes of 0.45-0.8 g over 1.5-3.5 s, launches that peak at only 0.3-0.5 g (an engine's
        // limit) but last 2-4.5 s, harsh turns of 0.4-0.7 g lateral over 2-5 s.
        double length;
        switch (harshKind) {
            case HARSH_BRAKING -> {
                phasePeakG = 0.45 + random.nextDouble(0.35);
                length = 1.5 + random.nextDouble(2.0);
            }
            case RAPID_ACCELERATION -> {
                phasePeakG = 0.30 + random.nextDouble(0.20);
                length = 2.0 + random.nextDouble(2.5);
            }
            default -> {
                phasePeakG = 0.40 + random.nextDouble(0.30);
                length = 2.0 + random.nextDouble(3.0);
            }
        }
        if (harshKind == Kind.HARSH_BRAKING) {
            // Never brake below walking pace: the event must fit the speed the car has.
            length = Math.min(length, speed / (phasePeakG * G * 0.64));
        }
        enter(Phase.HARSH, Math.max(0.5, length));
        if (harshKind == Kind.HARSH_CORNERING) {
            turnRadius = speed * speed / (phasePeakG * G) * (random.nextBoolean() ? 1 : -1);
        }
        planted.add(
                new PlantedEvent(
                        harshKind,
                        Math.round(now * 1000),
                        Math.round((now + phaseLength) * 1000),
                        phasePeakG));
        nextHarshAt = nextEventTime(now + phaseLength + 2);
    }

    private void stepHarsh(double elapsed) {
        double envelope = Math.sin(Math.PI * Math.min(1, elapsed / phaseLength));
        switch (harshKind) {
            case HARSH_BRAKING -> gLong = -phasePeakG * envelope;
            case RAPID_ACCELERATION -> gLong = phasePeakG * envelope;
            case HARSH_CORNERING -> {
                gLong = 0;
                gLat = speed * speed / turnRadius / G * envelope;
            }
        }
        if (elapsed >= phaseLength) {
            enter(Phase.CRUISE, 5 + random.nextDouble(20));
        }
    }

    /**
     * A collision: a 80-150 ms impulse that changes the velocity by 10-30 km/h (never more than the
     * car has), mostly from ahead, sometimes from a side; then the car comes to rest and stays.
     * Lighter knocks (parking bumps) are not what a fleet is alerted to, and are not planted.
     */
    private void startCrash() {
        crashAt = Double.POSITIVE_INFINITY;
        crashed = true;
        double deltaV = Math.min(speed, (10 + random.nextDouble(20)) / 3.6);
        double length = 0.08 + random.nextDouble(0.07);
        crashDirection =
                random.nextDouble() < 0.7
                        ? Math.PI + (random.nextDouble() - 0.5) * Math.toRadians(60)
                        : (random.nextBoolean() ? 1 : -1)
                                * (Math.PI / 2 + (random.nextDouble() - 0.5) * Math.toRadians(60));
        // A half-sine pulse of length L and peak P changes velocity by P × G × L × 2/π.
        phasePeakG = deltaV / (G * length * 2 / Math.PI);
        enter(Phase.CRASH, length);
        planted.add(
                new PlantedEvent(
                        Kind.CRASH,
                        Math.round(now * 1000),
                        Math.round((now + length) * 1000),
                        phasePeakG));
        nextHarshAt = Double.POSITIVE_INFINITY;
    }

    private void stepCrash(double elapsed) {
        double envelope = Math.sin(Math.PI * Math.min(1, elapsed / phaseLength));
        gLong = phasePeakG * envelope * Math.cos(crashDirection);
        gLat = phasePeakG * envelope * Math.sin(crashDirection);
        if (elapsed >= phaseLength) {
            gLong = 0;
            gLat = 0;
            slowTo(0);
            cruiseTarget = 0;
        }
    }

    private void slowTo(double target) {
        slowTarget = target;
        enter(Phase.SLOW, 0);
    }

    private double stoppingSeconds() {
        return speed / (style.brakeG * G) + 1;
    }

    private double pickCruiseSpeed() {
        double limit = SPEED_LIMITS_KMH[random.nextInt(SPEED_LIMITS_KMH.length)];
        double jitter = 0.95 + random.nextDouble(0.1);
        return limit * style.speedFactor * jitter / 3.6;
    }

    private double nextEventTime(double from) {
        if (eventsPerSecond <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return from - Math.log(1.0 - random.nextDouble()) / eventsPerSecond;
    }

    private void enter(Phase next, double length) {
        phase = next;
        phaseStart = now;
        phaseLength = length;
    }

    private static double clamp(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }
}
