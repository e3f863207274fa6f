package io.fleetflow.gateway.pipeline;

import io.fleetflow.gateway.http.ProblemException;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/pipeline}: is the pipeline keeping up? The backlog and the trips finished
 * lately (PostgreSQL), the queue's depth (the broker) and the scoring job's state (Flink's REST
 * API).
 */
public final class PipelineView {

    private final PipelineQueries queries;
    private final QueueDepthProbe queueDepth;
    private final FlinkJobStatus flink;

    public PipelineView(PipelineQueries queries, QueueDepthProbe queueDepth, FlinkJobStatus flink) {
        this.queries = queries;
        this.queueDepth = queueDepth;
        this.flink = flink;
    }

    public void show(Context ctx) {
        PipelineQueries.PipelineCounts counts;
        try {
            counts = queries.counts();
        } catch (SQLException e) {
            throw ProblemException.serviceUnavailable(
                    "the database is unavailable; retry later", 5);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unfinished", counts.unfinished());
        body.put("finished_last_hour", counts.lastHour());
        body.put("finished_last_24h", counts.last24h());
        body.put("queue_depth", queueDepth.depth());
        body.put("oldest_unfinished_age_s", counts.oldestUnfinishedAgeS());
        body.put("flink", flink.current());
        ctx.json(body);
    }
}
