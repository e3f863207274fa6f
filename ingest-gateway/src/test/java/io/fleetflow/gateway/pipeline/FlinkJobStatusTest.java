package io.fleetflow.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FlinkJobStatusTest {

    private static final String UI = "http://127.0.0.1:8081/";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void newestJobWithTheScoringJobsNameWins() throws Exception {
        String overview =
                "{\"jobs\":["
                        + "{\"jid\":\"a\",\"name\":\"FleetFlow trip scoring\",\"state\":\"CANCELED\",\"start-time\":100},"
                        + "{\"jid\":\"b\",\"name\":\"FleetFlow trip scoring\",\"state\":\"RUNNING\",\"start-time\":200},"
                        + "{\"jid\":\"c\",\"name\":\"something else\",\"state\":\"FAILED\",\"start-time\":300}]}";

        FlinkJobStatus.State state =
                FlinkJobStatus.pick(json.readTree(overview), "FleetFlow trip scoring", UI);

        assertThat(state)
                .isEqualTo(new FlinkJobStatus.State("RUNNING", "b", "FleetFlow trip scoring", UI));
    }

    @Test
    void noSuchJobIsNotRunning() throws Exception {
        assertThat(
                        FlinkJobStatus.pick(
                                        json.readTree("{\"jobs\":[]}"),
                                        "FleetFlow trip scoring",
                                        UI)
                                .state())
                .isEqualTo(FlinkJobStatus.NOT_RUNNING);
    }

    @Test
    void aClosedPortIsUnreachable() {
        assertThat(new FlinkJobStatus("http://127.0.0.1:1", UI, "x").current().state())
                .isEqualTo(FlinkJobStatus.UNREACHABLE);
    }
}
