package io.fleetflow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    @Test
    void defaultsApplyWhenNoArgumentsAreGiven() {
        JobOptions o = JobOptions.fromArgs(new String[0]);

        assertThat(o.queue()).isEqualTo(JobOptions.DEFAULT_QUEUE);
        assertThat(o.checkpointInterval()).isEqualTo(JobOptions.DEFAULT_CHECKPOINT_INTERVAL);
        assertThat(o.expectedRate()).isEqualTo(500);
        assertThat(o.restartInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.restartMaxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.statsWindowDays()).isEqualTo(30);
        assertThat(o.parallelism()).isEqualTo(1);
    }

    @Test
    void prefetchIsExpectedRateTimesCheckpointIntervalUnlessGiven() {
        JobOptions derived =
                JobOptions.fromArgs(
                        new String[] {
                            "--expected-rate", "300", "--checkpoint-interval-ms", "2500"
                        });
        assertThat(derived.prefetch()).isEqualTo(750);

        JobOptions explicit =
                JobOptions.fromArgs(new String[] {"--expected-rate", "300", "--prefetch", "42"});
        assertThat(explicit.prefetch()).isEqualTo(42);
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

        assertThat(o.amqpUri()).isEqualTo("amqp://u:p@h:1/v");
        assertThat(o.queue()).isEqualTo("q");
        assertThat(o.amqpConnectionName()).isEqualTo("job-7");
        assertThat(o.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(o.jdbcUser()).isEqualTo("u");
        assertThat(o.jdbcPassword()).isEqualTo("p");
        assertThat(o.lookupPoolSize()).isEqualTo(6);
        assertThat(o.lookupBatchSize()).isEqualTo(5);
        assertThat(o.asyncCapacity()).isEqualTo(12);
        assertThat(o.asyncTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(o.lookupAttempts()).isEqualTo(3);
        assertThat(o.lookupBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(o.checkpointInterval()).isEqualTo(Duration.ofMillis(700));
        assertThat(o.bufferTimeout()).isEqualTo(Duration.ofMillis(3));
        assertThat(o.parallelism()).isEqualTo(2);
        assertThat(o.sinkBatchSize()).isEqualTo(10);
        assertThat(o.sinkBatchInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(o.restartInitialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.restartMaxBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.statsWindowDays()).isEqualTo(7);
    }

    @Test
    void unknownArgumentsAreRejectedRatherThanIgnored() {
        assertThatThrownBy(() -> JobOptions.fromArgs(new String[] {"--paralelism", "2"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--paralelism");
    }

    @Test
    void inconsistentValuesAreRejected() {
        assertThatThrownBy(() -> JobOptions.builder().parallelism(0).build())
                .hasMessageContaining("parallelism");
        assertThatThrownBy(() -> JobOptions.builder().lookupPoolSize(8).asyncCapacity(4).build())
                .hasMessageContaining("asyncCapacity");
        assertThatThrownBy(
                        () ->
                                JobOptions.builder()
                                        .restartInitialBackoff(Duration.ofSeconds(10))
                                        .restartMaxBackoff(Duration.ofSeconds(1))
                                        .build())
                .hasMessageContaining("restartMaxBackoff");
        assertThatThrownBy(() -> JobOptions.builder().checkpointInterval(Duration.ZERO).build())
                .hasMessageContaining("checkpointInterval");
        assertThatThrownBy(() -> JobOptions.builder().prefetch(-1).build())
                .hasMessageContaining("prefetch");
    }
}
