package io.fleetflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RuntimeOptions;
import io.fleetflow.job.sink.JdbcResultSinks;
import io.fleetflow.job.source.RabbitTripIdSource;
import io.fleetflow.scoring.Scorers;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The job graph as a cluster would receive it, built with the real connectors (not started). */
class TripScoringJobGraphTest {

    private final JobOptions options =
            JobOptions.builder()
                    .set(RuntimeOptions.PARALLELISM, 2)
                    .set(RuntimeOptions.RESTART_INITIAL_BACKOFF, Duration.ofMillis(1_000))
                    .set(RuntimeOptions.RESTART_MAX_BACKOFF, Duration.ofSeconds(30))
                    .build();

    @Test
    void everyOperatorHasAnExplicitUidAndAName() {
        StreamGraph graph = streamGraph();
        Collection<StreamNode> nodes = graph.getStreamNodes();

        assertThat(nodes).hasSizeGreaterThanOrEqualTo(6);
        for (StreamNode node : nodes) {
            assertThat(node.getTransformationUID())
                    .as("uid of %s", node.getOperatorName())
                    .isNotBlank();
            assertThat(node.getOperatorName()).isNotBlank();
        }
        List<String> uids =
                nodes.stream().map(StreamNode::getTransformationUID).distinct().toList();
        assertThat(uids).hasSameSizeAs(nodes);
        assertThat(uids)
                .contains(
                        RabbitTripIdSource.UID,
                        TripScoringJob.LOOKUP_UID,
                        TripScoringJob.SCORE_UID,
                        TripScoringJob.DRIVER_STATS_UID,
                        "jdbc-driver-scores",
                        "jdbc-trip-failures",
                        "jdbc-driver-stats");
    }

    @Test
    void theSourceRunsAloneAndEverythingAfterItInParallel() {
        StreamGraph graph = streamGraph();
        for (StreamNode node : graph.getStreamNodes()) {
            int expected = RabbitTripIdSource.UID.equals(node.getTransformationUID()) ? 1 : 2;
            assertThat(node.getParallelism()).as(node.getOperatorName()).isEqualTo(expected);
        }
        JobGraph jobGraph = graph.getJobGraph();
        for (JobVertex vertex : jobGraph.getVertices()) {
            assertThat(vertex.getName()).isNotBlank();
        }
    }

    @Test
    void checkpointingIsExactlyOnceAndRestartsBackOffExponentially() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job().build(env);

        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(env.getCheckpointInterval())
                .isEqualTo(options.get(RuntimeOptions.CHECKPOINT_INTERVAL).toMillis());
        assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode().name())
                .isEqualTo("EXACTLY_ONCE");
        assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY))
                .isEqualTo("exponential-delay");
        assertThat(
                        env.getConfiguration()
                                .get(
                                        RestartStrategyOptions
                                                .RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                .isEqualTo(Duration.ofSeconds(30));
    }

    private StreamGraph streamGraph() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job().build(env);
        return env.getStreamGraph();
    }

    private TripScoringJob job() {
        return new TripScoringJob(
                new RabbitTripIdSource(options),
                new JdbcResultSinks(options),
                Scorers.defaultScorer(),
                options);
    }
}
