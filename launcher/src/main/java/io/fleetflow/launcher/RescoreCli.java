package io.fleetflow.launcher;

import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.rescore.RescoreJob;
import io.fleetflow.job.rescore.RescoreProgress;
import io.fleetflow.job.rescore.RescoreSelection;
import io.fleetflow.simulator.ProgressBar;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code ./fleetflow rescore --from 2026-05-01 --to 2026-05-31 [--driver ID,…] [--vehicle ID,…]}:
 * runs {@link RescoreJob} on a local MiniCluster against the database and broker the environment
 * names ({@code FLEETFLOW_DB_URL}, {@code FLEETFLOW_DB_USER}, {@code FLEETFLOW_DB_PASSWORD}, {@code
 * FLEETFLOW_AMQP_URI}: those of the running stack, whose scoring job does the re-scoring), and
 * shows a progress bar of the selected trips re-scored since it started.
 */
public final class RescoreCli {

    /** Give up when nothing was re-scored for this long after every id was handed over. */
    private static final Duration STALLED = Duration.ofSeconds(60);

    private RescoreCli() {}

    public static void main(String[] args) throws Exception {
        JobOptions options;
        RescoreSelection selection;
        try {
            options = JobOptions.fromArgs(withEnvironment(args, System.getenv()));
            selection = RescoreSelection.of(options);
        } catch (IllegalArgumentException e) {
            System.err.println("rescore: " + e.getMessage());
            System.err.println(
                    "usage: ./fleetflow rescore --from 2026-05-01 --to 2026-05-31"
                            + " [--driver ID,...] [--vehicle ID,...]");
            System.exit(2);
            return;
        }
        System.exit(run(selection, options) ? 0 : 1);
    }

    /** The connection arguments from the environment, before the command line's own. */
    static String[] withEnvironment(String[] args, Map<String, String> env) {
        List<String> all = new ArrayList<>();
        addFrom(env, "FLEETFLOW_DB_URL", "--jdbc-url", all);
        addFrom(env, "FLEETFLOW_DB_USER", "--jdbc-user", all);
        addFrom(env, "FLEETFLOW_DB_PASSWORD", "--jdbc-password", all);
        addFrom(env, "FLEETFLOW_AMQP_URI", "--amqp-uri", all);
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private static void addFrom(Map<String, String> env, String name, String arg, List<String> to) {
        String value = env.get(name);
        if (value != null && !value.isEmpty()) {
            to.add(arg);
            to.add(value);
        }
    }

    private static boolean run(RescoreSelection selection, JobOptions options) throws Exception {
        RescoreProgress progress = new RescoreProgress(selection);
        try (Connection c =
                DriverManager.getConnection(
                        options.get(io.fleetflow.job.options.DatabaseOptions.JDBC_URL),
                        options.get(io.fleetflow.job.options.DatabaseOptions.JDBC_USER),
                        options.get(io.fleetflow.job.options.DatabaseOptions.JDBC_PASSWORD))) {
            long total = progress.selected(c);
            long withoutSamples = progress.withoutSamples(c);
            System.out.println("Re-scoring " + total + " finished trips through the scoring job");
            if (withoutSamples > 0) {
                System.out.println(
                        "Skipping "
                                + withoutSamples
                                + " trips whose raw samples retention dropped (they keep their"
                                + " score)");
            }
            if (total == 0) {
                return true;
            }
            Timestamp started = RescoreProgress.databaseNow(c);
            JobClient job =
                    new RescoreJob(selection, options)
                            .start(StreamExecutionEnvironment.createLocalEnvironment(1));
            // the local MiniCluster shuts down when the bounded job ends: ask its result, not it
            CompletableFuture<JobExecutionResult> handedOver = job.getJobExecutionResult();
            ProgressBar bar = new ProgressBar(System.out, total, "trips");
            long done = 0;
            long lastChange = System.nanoTime();
            while (done < total) {
                Thread.sleep(200);
                long now = progress.rescoredSince(c, started);
                if (now != done) {
                    done = now;
                    lastChange = System.nanoTime();
                }
                bar.update(done, 0);
                if (handedOver.isCompletedExceptionally()) {
                    handedOver.get(); // throws the publishing job's failure
                }
                if (handedOver.isDone() && System.nanoTime() - lastChange > STALLED.toNanos()) {
                    System.out.println();
                    System.err.println(
                            "rescore: no trip re-scored for "
                                    + STALLED.toSeconds()
                                    + " s; is the scoring job running on this queue and database?");
                    return false;
                }
            }
            handedOver.get();
            return true;
        }
    }
}
