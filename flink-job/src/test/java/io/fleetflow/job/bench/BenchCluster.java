package io.fleetflow.job.bench;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;

/**
 * The one MiniCluster every benchmark run submits its job to, as jobs go to a long-running session
 * cluster. A local environment per run started a cluster per run, and each loads Flink's RPC system
 * (Pekko) in a class loader of its own: the JIT compiled those classes again for every run, and the
 * compiler threads still used ~30 % of a core after five minutes of S runs, during the timed part
 * of each run too (docs/benchmarks.md, "JIT warm-up").
 */
final class BenchCluster {

    /** Enough for the benchmark's parallelisms; a slot costs little until a task uses it. */
    private static final int SLOTS = 8;

    private static MiniCluster cluster;

    private BenchCluster() {}

    static synchronized StreamExecutionEnvironment environment(int parallelism) throws Exception {
        if (cluster == null) {
            MiniCluster started =
                    new MiniCluster(
                            new MiniClusterConfiguration.Builder()
                                    .setConfiguration(new Configuration())
                                    .setNumTaskManagers(1)
                                    .setNumSlotsPerTaskManager(SLOTS)
                                    .build());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(BenchCluster::close));
            cluster = started;
        }
        return new TestStreamEnvironment(cluster, parallelism);
    }

    private static synchronized void close() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception e) {
            System.err.println("closing the benchmark's MiniCluster: " + e);
        }
    }
}
