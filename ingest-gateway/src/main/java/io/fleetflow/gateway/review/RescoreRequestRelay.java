package io.fleetflow.gateway.review;

import io.fleetflow.gateway.publish.RabbitTripPublisher;
import io.fleetflow.gateway.publish.TripPublisher.PublishException;
import io.fleetflow.model.review.ReviewNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the score follow a review (docs/safety-inbox.md): takes the re-score requests a dismissal
 * (or its undoing) wrote, publishes each trip once more to the scoring queue, and deletes the
 * requests, in one transaction. The job then scores the trip with its dismissed events left out,
 * through the same keyed statistics, so a driver's totals replace the trip's old contribution. A
 * publish the broker does not confirm rolls the transaction back: the requests stay for the next
 * round (at least once; scoring a trip again is idempotent).
 */
public final class RescoreRequestRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RescoreRequestRelay.class);

    /** Requests taken per round. */
    static final int BATCH = 100;

    private static final String TAKE =
            "SELECT id, trip_id FROM "
                    + ReviewNames.RESCORE_REQUESTS
                    + " ORDER BY id LIMIT "
                    + BATCH
                    + " FOR UPDATE SKIP LOCKED";

    private static final String DONE =
            "DELETE FROM " + ReviewNames.RESCORE_REQUESTS + " WHERE id = ANY(?)";

    private final DataSource dataSource;
    private final RabbitTripPublisher publisher;
    private final Duration interval;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "rescore-request-relay");
                        t.setDaemon(true);
                        return t;
                    });

    public RescoreRequestRelay(
            DataSource dataSource, RabbitTripPublisher publisher, Duration interval) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.interval = interval;
    }

    public void start() {
        timer.scheduleWithFixedDelay(
                this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            while (relayOnce() == BATCH) {
                // a full batch: more may be waiting
            }
        } catch (SQLException | PublishException | RuntimeException e) {
            LOG.warn(
                    "Re-score requests not relayed this round, retried on the next: {}",
                    e.toString());
        }
    }

    /** One batch: publishes the requested trips and deletes their requests; how many were taken. */
    public int relayOnce() throws SQLException, PublishException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                Set<UUID> trips = new LinkedHashSet<>();
                try (PreparedStatement ps = c.prepareStatement(TAKE);
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        trips.add(rs.getObject(2, UUID.class));
                    }
                }
                if (!ids.isEmpty()) {
                    long last = ids.get(ids.size() - 1);
                    publisher.publishAgain(List.copyOf(trips), "review:" + last + ":");
                    try (PreparedStatement ps = c.prepareStatement(DONE)) {
                        ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return ids.size();
            } catch (SQLException | PublishException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
