package io.fleetflow.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The launcher's command line, parsed once: where data lives, whether to wipe it, and what the
 * built-in simulator drives. Environment variables configure everything else (see the README).
 *
 * @param dataDir directory holding the embedded database and broker between runs
 * @param fresh wipe {@code dataDir} before starting
 * @param vehicles simulated vehicles; 0 with {@code --no-simulator}
 * @param tripInterval time between two trips of one simulated vehicle
 * @param seed seed of the simulated fleet and its trips
 */
public record LauncherOptions(
        Path dataDir, boolean fresh, int vehicles, Duration tripInterval, long seed) {

    public static final int DEFAULT_VEHICLES = 20;
    public static final Duration DEFAULT_TRIP_INTERVAL = Duration.ofSeconds(15);
    public static final long DEFAULT_SEED = 42;

    static final String USAGE =
            """
            usage: ./fleetflow up [options]
              --data-dir DIR    where the embedded database and broker keep their data
                                [FLEETFLOW_DATA_DIR, else ~/.fleetflow, else ./.fleetflow-data]
              --fresh           wipe the data directory first
              --vehicles N      simulated vehicles [20]
              --no-simulator    do not simulate a fleet
              --interval-s S    seconds between two trips of one simulated vehicle [15]
              --seed N          seed of the simulated fleet [42]
            """;

    public LauncherOptions {
        if (vehicles < 0) {
            throw new IllegalArgumentException("--vehicles must not be negative");
        }
        if (tripInterval.isNegative() || tripInterval.isZero()) {
            throw new IllegalArgumentException("--interval-s must be positive");
        }
    }

    public boolean simulate() {
        return vehicles > 0;
    }

    /** Parses {@code args}; {@code env} and {@code home} supply the data directory's default. */
    public static LauncherOptions parse(String[] args, Map<String, String> env, Path home) {
        Path dataDir = defaultDataDir(env, home);
        boolean fresh = false;
        int vehicles = DEFAULT_VEHICLES;
        boolean simulator = true;
        Duration interval = DEFAULT_TRIP_INTERVAL;
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--no-simulator" -> simulator = false;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--vehicles" -> vehicles = Integer.parseInt(value(args, ++i, arg));
                case "--interval-s" ->
                        interval =
                                Duration.ofMillis(
                                        Math.round(
                                                Double.parseDouble(value(args, ++i, arg)) * 1000));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new LauncherOptions(
                dataDir.toAbsolutePath().normalize(),
                fresh,
                simulator ? vehicles : 0,
                interval,
                seed);
    }

    static Path defaultDataDir(Map<String, String> env, Path home) {
        String configured = env.get("FLEETFLOW_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (home != null && Files.isDirectory(home) && Files.isWritable(home)) {
            return home.resolve(".fleetflow");
        }
        return Path.of(".fleetflow-data");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
