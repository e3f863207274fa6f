package io.fleetflow.job.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    @Test
    void defaultsApplyWhenNoArgumentsAreGiven() {
        JobOptions o = JobOptions.fromArgs(new String[0]);

        assertThat(o.get(SourceOptions.QUEUE)).isEqualTo(io.fleetflow.model.PipelineNames.QUEUE);
        assertThat(o.get(RuntimeOptions.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.get(SourceOptions.EXPECTED_RATE)).isEqualTo(5_000);
        assertThat(o.get(RuntimeOptions.RESTART_INITIAL_BACKOFF)).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.get(RuntimeOptions.RESTART_MAX_BACKOFF)).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.get(RuntimeOptions.STATS_WINDOW_DAYS)).isEqualTo(30);
        assertThat(o.get(RuntimeOptions.PARALLELISM)).isEqualTo(1);
    }

    @Test
    void prefetchIsExpectedRateTimesCheckpointIntervalUnlessGiven() {
        JobOptions derived =
                JobOptions.fromArgs(
                        new String[] {
                            "--expected-rate", "300", "--checkpoint-interval-ms", "2500"
                        });
        assertThat(SourceOptions.prefetch(derived)).isEqualTo(750);

        JobOptions explicit =
                JobOptions.fromArgs(new String[] {"--expected-rate", "300", "--prefetch", "42"});
        assertThat(SourceOptions.prefetch(explicit)).isEqualTo(42);
    }

    @Test
    void everyArgumentIsParsed() {
        JobOptions o =
                JobOptions.fromArgs(
                        new String[] {
                            "--amqp-uri", "amqp://u:p@h:1/v",
                            "--queue", "q",
                            "--amqp-connection-name", "job-7",
                            "--jdbc-url", "jdbc:postgresql://h/db",
                            "--jdbc-user", "u",
                            "--jdbc-password", "p",
                            "--lookup-pool-size", "6",
                            "--lookup-batch-size", "5",
                            "--async-capacity", "12",
                            "--async-timeout-ms", "9000",
                            "--lookup-attempts", "3",
                            "--lookup-backoff-ms", "50",
                            "--checkpoint-interval-ms", "700",
                            "--buffer-timeout-ms", "3",
                            "--parallelism", "2",
                            "--sink-batch-size", "10",
                            "--sink-batch-interval-ms", "20",
                            "--restart-initial-backoff-ms", "100",
                            "--restart-max-backoff-ms", "2000",
                            "--stats-window-days", "7"
                        });

        assertThat(o.get(SourceOptions.AMQP_URI)).isEqualTo("amqp://u:p@h:1/v");
        assertThat(o.get(SourceOptions.QUEUE)).isEqualTo("q");
        assertThat(o.get(SourceOptions.AMQP_CONNECTION_NAME)).isEqualTo("job-7");
        assertThat(o.get(DatabaseOptions.JDBC_URL)).isEqualTo("jdbc:postgresql://h/db");
        assertThat(o.get(DatabaseOptions.JDBC_USER)).isEqualTo("u");
        assertThat(o.get(DatabaseOptions.JDBC_PASSWORD)).isEqualTo("p");
        assertThat(o.get(LookupOptions.POOL_SIZE)).isEqualTo(6);
        assertThat(o.get(LookupOptions.BATCH_SIZE)).isEqualTo(5);
        assertThat(o.get(LookupOptions.ASYNC_CAPACITY)).isEqualTo(12);
        assertThat(o.get(LookupOptions.ASYNC_TIMEOUT)).isEqualTo(Duration.ofSeconds(9));
        assertThat(o.get(LookupOptions.ATTEMPTS)).isEqualTo(3);
        assertThat(o.get(LookupOptions.BACKOFF)).isEqualTo(Duration.ofMillis(50));
        assertThat(o.get(RuntimeOptions.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMillis(700));
        assertThat(o.get(RuntimeOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(3));
        assertThat(o.get(RuntimeOptions.PARALLELISM)).isEqualTo(2);
        assertThat(o.get(SinkOptions.BATCH_SIZE)).isEqualTo(10);
        assertThat(o.get(SinkOptions.BATCH_INTERVAL)).isEqualTo(Duration.ofMillis(20));
        assertThat(o.get(RuntimeOptions.RESTART_INITIAL_BACKOFF)).isEqualTo(Duration.ofMillis(100));
        assertThat(o.get(RuntimeOptions.RESTART_MAX_BACKOFF)).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.get(RuntimeOptions.STATS_WINDOW_DAYS)).isEqualTo(7);
    }

    @Test
    void unknownArgumentsAreRejectedRatherThanIgnored() {
        assertThatThrownBy(() -> JobOptions.fromArgs(new String[] {"--paralelism", "2"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--paralelism");
    }

    @Test
    void inconsistentValuesAreRejected() {
        assertThatThrownBy(() -> JobOptions.builder().set(RuntimeOptions.PARALLELISM, 0).build())
                .hasMessageContaining("--parallelism");
        assertThatThrownBy(
                        () ->
                                JobOptions.builder()
                                        .set(LookupOptions.POOL_SIZE, 8)
                                        .set(LookupOptions.ASYNC_CAPACITY, 4)
                                        .build())
                .hasMessageContaining("--async-capacity");
        assertThatThrownBy(
                        () ->
                                JobOptions.builder()
                                        .set(
                                                RuntimeOptions.RESTART_INITIAL_BACKOFF,
                                                Duration.ofSeconds(10))
                                        .set(
                                                RuntimeOptions.RESTART_MAX_BACKOFF,
                                                Duration.ofSeconds(1))
                                        .build())
                .hasMessageContaining("--restart-max-backoff-ms");
        assertThatThrownBy(
                        () ->
                                JobOptions.builder()
                                        .set(RuntimeOptions.CHECKPOINT_INTERVAL, Duration.ZERO)
                                        .build())
                .hasMessageContaining("--checkpoint-interval-ms");
        assertThatThrownBy(() -> JobOptions.builder().set(SourceOptions.PREFETCH, -1).build())
                .hasMessageContaining("--prefetch");
    }

    @Test
    void aValueThatCannotBeReadNamesItsArgument() {
        assertThatThrownBy(() -> JobOptions.fromArgs(new String[] {"--lookup-pool-size", "four"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--lookup-pool-size")
                .hasMessageContaining("four");
    }

    @Test
    void everyOptionHasItsOwnNameAndADescription() {
        assertThat(JobOptions.ALL).extracting(JobOption::key).doesNotHaveDuplicates();
        assertThat(JobOptions.ALL).allSatisfy(o -> assertThat(o.description()).endsWith("."));
        assertThat(JobOptions.usage().lines()).hasSize(JobOptions.ALL.size());
    }

    @Test
    void theJobDocumentationListsEveryOption() throws Exception {
        String doc =
                java.nio.file.Files.readString(
                        java.nio.file.Path.of("")
                                .toAbsolutePath()
                                .getParent()
                                .resolve("docs/flink-job.md"));
        assertThat(JobOptions.ALL).allSatisfy(o -> assertThat(doc).contains("`--" + o.key() + "`"));
    }
}
