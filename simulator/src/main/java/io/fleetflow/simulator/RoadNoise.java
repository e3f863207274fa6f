package io.fleetflow.simulator;

import java.util.SplittableRandom;

/**
 * Vibration a device picks up while driving, with the spectrum of the real thing rather than white
 * noise: the road surface (noise low-passed at about 3 Hz, the body's response to the road) and the
 * engine (a tone of 25–30 Hz, the second order of a four-cylinder engine near 800–900 rpm, drifting
 * slowly), averaged over each sample period as an accelerometer's anti-aliasing filter does.
 */
final class RoadNoise {

    /** Time constant of the road's low-pass. In s. */
    private static final double ROAD_TAU_S = 0.05;

    private RoadNoise() {}

    /** Adds road and engine vibration of standard deviation about {@code sigmaG} to {@code g}. */
    static void add(float[] g, int rate, double sigmaG, SplittableRandom random) {
        double dt = 1.0 / rate;
        double alpha = Math.exp(-dt / ROAD_TAU_S);
        double drive = Math.sqrt(1 - alpha * alpha) * sigmaG;
        double road = 0;
        for (int i = 0; i < g.length; i++) {
            road = alpha * road + drive * gaussian(random);
            g[i] += (float) road;
        }
        double hz = 25 + random.nextDouble() * 5;
        double phase = random.nextDouble() * 2 * Math.PI;
        double amplitude = sigmaG / 2;
        Pulses.add(
                g,
                rate,
                0,
                g.length / (double) rate,
                t -> amplitude * Math.sin(2 * Math.PI * hz * t + phase + 0.3 * Math.sin(0.2 * t)));
    }

    /** Box–Muller on a {@link SplittableRandom}, which has no {@code nextGaussian} on Java 17. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
