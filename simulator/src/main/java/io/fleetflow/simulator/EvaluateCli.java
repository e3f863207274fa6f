package io.fleetflow.simulator;

import io.fleetflow.model.EventType;
import io.fleetflow.model.TripSamples;
import io.fleetflow.model.ingest.ReadResult;
import io.fleetflow.model.ingest.TripPayloadReader;
import io.fleetflow.scoring.Scorers;
import io.fleetflow.scoring.TripScorer;
import io.fleetflow.scoring.eval.Evaluation;
import io.fleetflow.scoring.eval.TypeScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./fleetflow evaluate DIR...}: scores every trip of one or more folders of labelled trips
 * ({@link LabelledTrips}) with the default risk model, reading each body through the gateway's own
 * reader, and prints recall, precision and F1 per event type, by sample rate and in total.
 */
public final class EvaluateCli {

    static final String USAGE =
            """
            usage: ./fleetflow evaluate DIR...
              DIR holds trip bodies and a ground_truth.json in the format of shared/data/real
              (./fleetflow simulate write DIR makes one from the simulator). Prints recall,
              precision and F1 per event type for each sample rate found, and in total.
            """;

    private EvaluateCli() {}

    public static void main(String[] argv) throws IOException {
        if (argv.length == 0 || argv[0].equals("--help")) {
            System.out.print(USAGE);
            if (argv.length == 0) {
                System.exit(2);
            }
            return;
        }
        Map<String, Evaluation> byRate = evaluate(List.of(argv).stream().map(Path::of).toList());
        print(byRate, System.out);
        System.out.println(
                "CRASH is looked for only at 25 Hz or faster: below, its row counts what was"
                        + " labelled and nothing found, by design.");
    }

    /** Evaluations by sample rate ({@code "10 Hz"}, …) and {@code "all"}, in that order. */
    static Map<String, Evaluation> evaluate(List<Path> dirs) throws IOException {
        TripScorer scorer = Scorers.defaultScorer();
        Map<String, Evaluation> byRate = new LinkedHashMap<>();
        Evaluation all = Evaluation.empty();
        for (Path dir : dirs) {
            for (LabelledTrips.Trip trip : LabelledTrips.read(dir)) {
                for (Path file : trip.files()) {
                    TripSamples samples = read(file);
                    Evaluation one = Evaluation.of(scorer.score(samples).events(), trip.labels());
                    byRate.merge(rate(samples), one, Evaluation::plus);
                    all = all.plus(one);
                }
            }
        }
        byRate.put("all", all);
        return byRate;
    }

    static void print(Map<String, Evaluation> byRate, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%-8s %-20s %8s %9s %10s %6s%n",
                "rate",
                "type",
                "labelled",
                "recall",
                "precision",
                "F1");
        byRate.forEach(
                (rate, e) -> {
                    for (EventType type : Evaluation.TYPES) {
                        TypeScore s = e.of(type);
                        out.printf(
                                Locale.ROOT,
                                "%-8s %-20s %8d %4d/%-4d %4d/%-5d %6s%n",
                                rate,
                                type,
                                s.labelled(),
                                s.found(),
                                s.labelled(),
                                s.correct(),
                                s.detected(),
                                fmt(s.f1()));
                    }
                    TypeScore lanes = e.laneChanges();
                    if (lanes.labelled() > 0) {
                        out.printf(
                                Locale.ROOT,
                                "%-8s %-20s %8d %4d/%-4d (lane changes with any event)%n",
                                rate,
                                "LANE_CHANGE",
                                lanes.labelled(),
                                lanes.found(),
                                lanes.labelled());
                    }
                });
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String rate(TripSamples samples) {
        long[] t = samples.rawTimeMs();
        double hz;
        if (samples.sampleRateHz() != null) {
            hz = samples.sampleRateHz();
        } else if (t != null && t.length > 1 && t[t.length - 1] > t[0]) {
            hz = (t.length - 1) * 1000.0 / (t[t.length - 1] - t[0]);
        } else {
            hz = 1;
        }
        return Math.round(hz) + " Hz";
    }

    private static TripSamples read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ReadResult result = new TripPayloadReader().read(in);
            if (!result.isValid()) {
                throw new IllegalArgumentException(
                        file + " is not a valid trip: " + result.errors());
            }
            return result.payload().samples();
        }
    }
}
