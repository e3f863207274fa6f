package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetflow.job.options.DatabaseOptions;
import io.fleetflow.job.options.JobOptions;
import io.fleetflow.job.options.RescoreOptions;
import io.fleetflow.job.options.SourceOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RescoreCliTest {

    @Test
    void theStacksServicesComeFromTheEnvironment() {
        JobOptions options =
                JobOptions.fromArgs(
                        RescoreCli.withEnvironment(
                                new String[] {"--from", "2026-05-01", "--to", "2026-05-31"},
                                Map.of(
                                        "FLEETFLOW_DB_URL", "jdbc:postgresql://db:5432/fleet",
                                        "FLEETFLOW_DB_USER", "fleet",
                                        "FLEETFLOW_DB_PASSWORD", "",
                                        "FLEETFLOW_AMQP_URI", "amqp://broker")));

        assertThat(options.get(DatabaseOptions.JDBC_URL))
                .isEqualTo("jdbc:postgresql://db:5432/fleet");
        assertThat(options.get(DatabaseOptions.JDBC_USER)).isEqualTo("fleet");
        assertThat(options.get(DatabaseOptions.JDBC_PASSWORD)).isEmpty();
        assertThat(options.get(SourceOptions.AMQP_URI)).isEqualTo("amqp://broker");
        assertThat(options.get(RescoreOptions.TO)).isEqualTo("2026-05-31");
    }

    @Test
    void withoutTheEnvironmentTheJobsDefaultsApply() {
        JobOptions options =
                JobOptions.fromArgs(
                        RescoreCli.withEnvironment(
                                new String[] {"--from", "2026-05-01"}, Map.of()));

        assertThat(options.get(DatabaseOptions.JDBC_URL))
                .isEqualTo(DatabaseOptions.JDBC_URL.defaultValue());
        assertThat(options.get(RescoreOptions.FROM)).isEqualTo("2026-05-01");
    }
}
