package io.fleetflow.job.rescore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Reads the ids of the selected trips that started in one slice of the range, in pages ordered by
 * start and id (keyset pagination: each page is an index range scan, however far into the slice).
 * Only {@code COMPLETED} trips: pending ones are the streaming job's, and a trip whose scoring
 * failed keeps its reason. Reads trip_logs' metadata columns and whether the trip still has its
 * samples (an index-only probe of one week of trip_samples), never the samples themselves. A trip
 * whose samples retention dropped cannot be scored again: it is skipped and counted ({@code
 * tripsSkippedSamplesDropped}), and keeps its score.
 */
public final class SelectedTripIds extends RichFlatMapFunction<Long, String> {
    private static final long serialVersionUID = 1L;

    static final String PAGE =
            "SELECT id, started_at, "
                    + RescoreProgress.HAS_SAMPLES
                    + " FROM telemetry.trip_logs t"
                    + " WHERE started_at >= ? AND started_at < ? AND status = 'COMPLETED'"
                    + " AND (cardinality(?::uuid[]) = 0 OR driver_id = ANY(?::uuid[]))"
                    + " AND (cardinality(?::uuid[]) = 0 OR vehicle_id = ANY(?::uuid[]))"
                    + " AND (started_at, id) > (?, ?::uuid)"
                    + " ORDER BY started_at, id LIMIT ?";

    /** Metric and accumulator: selected trips skipped because their samples are gone. */
    public static final String SKIPPED_SAMPLES_DROPPED = "tripsSkippedSamplesDropped";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final RescoreSelection selection;
    private final int sliceHours;
    private final int pageSize;

    private transient Connection connection;
    private transient Counter selected;
    private transient Counter skipped;
    private transient LongCounter skippedTotal;

    SelectedTripIds(
            String jdbcUrl,
            String user,
            String password,
            RescoreSelection selection,
            int sliceHours,
            int pageSize) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.selection = selection;
        this.sliceHours = sliceHours;
        this.pageSize = pageSize;
    }

    @Override
    public void open(Configuration parameters) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        selected = getRuntimeContext().getMetricGroup().counter("tripsSelectedForRescoring");
        skipped = getRuntimeContext().getMetricGroup().counter(SKIPPED_SAMPLES_DROPPED);
        // also an accumulator: the job's result carries the total when the bounded run ends
        skippedTotal = new LongCounter();
        getRuntimeContext().addAccumulator(SKIPPED_SAMPLES_DROPPED, skippedTotal);
    }

    @Override
    public void flatMap(Long sliceStart, Collector<String> out) throws SQLException {
        // before every trip of the slice (those start at or after sliceStart)
        Timestamp afterStart = new Timestamp(sliceStart - 1);
        UUID afterId = new UUID(0L, 0L);
        try (PreparedStatement ps = connection.prepareStatement(PAGE)) {
            ps.setTimestamp(1, new Timestamp(sliceStart));
            ps.setTimestamp(2, new Timestamp(selection.sliceEnd(sliceStart, sliceHours)));
            ps.setArray(3, connection.createArrayOf("uuid", selection.drivers));
            ps.setArray(4, connection.createArrayOf("uuid", selection.drivers));
            ps.setArray(5, connection.createArrayOf("uuid", selection.vehicles));
            ps.setArray(6, connection.createArrayOf("uuid", selection.vehicles));
            ps.setInt(9, pageSize);
            int read;
            do {
                ps.setTimestamp(7, afterStart);
                ps.setObject(8, afterId);
                read = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        afterId = rs.getObject(1, UUID.class);
                        afterStart = rs.getTimestamp(2);
                        read++;
                        if (rs.getBoolean(3)) {
                            out.collect(afterId.toString());
                            selected.inc();
                        } else {
                            skipped.inc();
                            skippedTotal.add(1);
                        }
                    }
                }
            } while (read == pageSize);
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
