package io.fleetflow.simulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./fleetflow simulate [fleet|load|live|replay|write] ...}: posts simulated or recorded
 * trips to a running gateway, or writes labelled ones to a folder. {@code --help} lists the
 * options.
 */
public final class SimulatorCli {

    static final String USAGE =
            """
            usage: ./fleetflow simulate [fleet|load|live|replay|write] [options]
              fleet    post --trips trips from each of --vehicles vehicles, then stop (default)
              load     post a benchmark load: --profile S, M or L
              live     keep posting: each vehicle one trip every --interval-s, until Ctrl-C
              replay   post recorded trip bodies: replay FILE... [--repeat N]
              write    post nothing: write --trips trips of each of --vehicles vehicles, with
                       their planted manoeuvres as labels, to a folder: write DIR (for
                       ./fleetflow evaluate)
            options (defaults in brackets):
              --url URL               gateway base URL [http://127.0.0.1:8080 or FLEETFLOW_URL]
              --device-key KEY        device API key sent as Bearer [FLEETFLOW_DEVICE_KEY]
              --vehicles N            fleet size [20]
              --trips N               trips per vehicle, fleet mode [1]
              --seed N                seed; the same seed gives the same fleet and trips [42]
              --sample-rate-hz N      samples per second, 1..16000 [10]
              --trip-min-s S          shortest trip in seconds [120]
              --trip-max-s S          longest trip in seconds [480]
              --events-per-min R      harsh manoeuvres per minute [by style: 0.2/0.6/2.0]
              --concurrency N         requests in flight [4]
              --interval-s S          live mode: seconds between a vehicle's trips [15]
              --repeat N              replay mode: times to send each file [1]
              --gzip                  send bodies gzip-compressed
            write mode, what devices and roads add (SensorArtefacts; all off by default):
              --artefacts             all of the below at the evaluated levels (docs/scoring.md);
                                      a flag given as well overrides its level
              --rebound               braking and launches rebound
              --bumps-per-min R       short unlabelled bumps per minute
              --yaw-deg D             each device mounted turned by up to ±D degrees
              --lane-changes-per-min R  ordinary lane changes per minute
              --road-noise-g G        road and engine vibration, standard deviation in g
              --drops-per-hour R      dropped-device spikes per hour
              --turn-mix              harsh turns brake, hard brakes turn
              --crash-share P         share of trips, 0..1, that end in a labelled crash [0]
            """;

    private SimulatorCli() {}

    public static void main(String[] argv) throws Exception {
        CliArgs args =
                new CliArgs(argv, Set.of("gzip", "help", "rebound", "artefacts", "turn-mix"));
        if (args.has("help")) {
            System.out.print(USAGE);
            return;
        }
        List<String> positional = args.positional();
        String mode = positional.isEmpty() ? "fleet" : positional.get(0);
        TelemetryClient client =
                new TelemetryClient(
                        URI.create(
                                args.get(
                                        "url",
                                        System.getenv()
                                                .getOrDefault(
                                                        "FLEETFLOW_URL", "http://127.0.0.1:8080"))),
                        Optional.ofNullable(
                                args.get("device-key", System.getenv("FLEETFLOW_DEVICE_KEY"))),
                        args.has("gzip"));
        long seed = args.getLong("seed", 42);
        switch (mode) {
            case "fleet", "load" -> runLoad(mode, args, client, seed);
            case "live" -> runLive(args, client, seed);
            case "replay" -> runReplay(positional.subList(1, positional.size()), args, client);
            case "write" -> runWrite(positional.subList(1, positional.size()), args, seed);
            default -> {
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    private static void runLoad(String mode, CliArgs args, TelemetryClient client, long seed)
            throws InterruptedException {
        LoadProfile profile =
                mode.equals("load")
                        ? LoadProfile.named(args.get("profile", "S"))
                        : new LoadProfile(
                                "fleet",
                                args.getInt("vehicles", 20),
                                args.getInt("trips", 1),
                                tripSettings(args),
                                args.getInt("concurrency", 4));
        // A vehicle's trips start TRIP_SPACING apart and must all lie in the past.
        Instant firstStart =
                Instant.now()
                        .minus(LoadRun.TRIP_SPACING.multipliedBy(profile.tripsPerVehicle()))
                        .minus(Duration.ofHours(1));
        LoadRun.Result result =
                new LoadRun(profile, client, seed, firstStart)
                        .run(new ProgressBar(System.err, profile.totalTrips(), "trips"));
        System.out.println(result.summary());
        if (result.firstFailure() != null) {
            System.out.println("first failure: " + result.firstFailure());
            System.exit(1);
        }
    }

    private static void runLive(CliArgs args, TelemetryClient client, long seed)
            throws InterruptedException {
        FleetSimulator simulator =
                new FleetSimulator(
                        Fleet.create(args.getInt("vehicles", 20), seed),
                        tripSettings(args),
                        client,
                        Duration.ofSeconds(args.getLong("interval-s", 15)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    simulator.close();
                                    stopped.countDown();
                                }));
        simulator.start(seed);
        stopped.await();
    }

    private static void runReplay(List<String> files, CliArgs args, TelemetryClient client)
            throws Exception {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("replay needs at least one trip file");
        }
        int repeat = args.getInt("repeat", 1);
        List<TelemetryClient.Answer> answers =
                new TripReplay(client)
                        .replay(
                                files.stream().map(Path::of).toList(),
                                repeat,
                                new ProgressBar(System.err, (long) files.size() * repeat, "trips"));
        long refused = answers.stream().filter(a -> !a.accepted()).count();
        answers.forEach(
                a -> System.out.println(a.status() + " " + a.tripId().orElse(a.body().strip())));
        if (refused > 0) {
            System.exit(1);
        }
    }

    private static void runWrite(List<String> dirs, CliArgs args, long seed) throws IOException {
        if (dirs.size() != 1) {
            throw new IllegalArgumentException("write needs one folder: write DIR");
        }
        Fleet fleet = Fleet.create(args.getInt("vehicles", 20), seed);
        int tripsPerVehicle = args.getInt("trips", 1);
        TripGenerator generator =
                new TripGenerator(
                        tripSettings(args).withCrashShare(args.getDouble("crash-share", 0)));
        SensorArtefacts base = args.has("artefacts") ? SensorArtefacts.ALL : SensorArtefacts.NONE;
        SensorArtefacts artefacts =
                new SensorArtefacts(
                        base.rebound() || args.has("rebound"),
                        args.getDouble("bumps-per-min", base.bumpsPerMinute()),
                        args.getDouble("yaw-deg", base.yawDeg()),
                        args.getDouble("lane-changes-per-min", base.laneChangesPerMinute()),
                        args.getDouble("road-noise-g", base.roadNoiseG()),
                        args.getDouble("drops-per-hour", base.dropsPerHour()),
                        base.turnMix() || args.has("turn-mix"));
        Instant start = Instant.parse("2026-05-01T08:00:00Z");
        List<SimulatedTrip> trips = new ArrayList<>();
        for (Vehicle v : fleet.vehicles()) {
            for (int k = 0; k < tripsPerVehicle; k++) {
                SimulatedTrip trip =
                        generator.generate(
                                v.tripSeed(k),
                                v.vehicleId(),
                                v.driverId(),
                                v.style(),
                                start.plus(LoadRun.TRIP_SPACING.multipliedBy(k)));
                trips.add(artefacts.applyTo(trip, ~v.tripSeed(k)));
            }
        }
        Path dir = Path.of(dirs.get(0));
        LabelledTrips.write(dir, trips, seed);
        System.out.println(trips.size() + " labelled trips written to " + dir);
    }

    static TripSettings tripSettings(CliArgs args) {
        return new TripSettings(
                args.getInt("sample-rate-hz", TripSettings.DEFAULT_SAMPLE_RATE_HZ),
                Duration.ofSeconds(
                        args.getLong("trip-min-s", TripSettings.DEFAULT_MIN_DURATION.toSeconds())),
                Duration.ofSeconds(
                        args.getLong("trip-max-s", TripSettings.DEFAULT_MAX_DURATION.toSeconds())),
                args.getDouble("events-per-min", TripSettings.STYLE_EVENT_RATE));
    }
}
