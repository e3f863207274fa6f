package io.fleetflow.gateway.read;

import io.fleetflow.gateway.pipeline.FlinkJobStatus;
import io.fleetflow.gateway.pipeline.PipelineQueries;
import io.fleetflow.gateway.pipeline.PipelineView;
import io.fleetflow.gateway.pipeline.QueueDepthProbe;
import io.fleetflow.model.PipelineNames;
import javax.sql.DataSource;

/** Wires the read API's queries and probes into one controller. */
public final class ReadApi {

    /** The Flink job whose state the pipeline view shows (TripScoringJob.JOB_NAME). */
    public static final String SCORING_JOB_NAME = PipelineNames.SCORING_JOB_NAME;

    private ReadApi() {}

    public static ReadApiController controller(
            DataSource dataSource, QueueDepthProbe queueDepth, ReadApiSettings settings) {
        return new ReadApiController(
                new FleetQueries(dataSource),
                new DriverQueries(dataSource),
                new TripQueries(dataSource),
                new TripSampleQueries(dataSource),
                new PipelineView(
                        new PipelineQueries(dataSource),
                        queueDepth,
                        new FlinkJobStatus(
                                settings.flinkRestUrl(),
                                settings.flinkWebUiUrl(),
                                SCORING_JOB_NAME)));
    }
}
