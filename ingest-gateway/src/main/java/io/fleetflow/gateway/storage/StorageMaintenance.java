package io.fleetflow.gateway.storage;

import io.fleetflow.model.schema.SamplePartitionMaintenance;
import io.fleetflow.model.schema.SamplePartitions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the sample partitions ahead of the clock and, when raw-sample retention is on, drops the
 * weeks older than it: once at start and then every interval, on a thread of its own. Several
 * gateways may run it; the schema lock makes them take turns (docs/storage.md).
 */
public final class StorageMaintenance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageMaintenance.class);

    private final DataSource dataSource;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    /**
     * @param retention how long raw samples are kept; {@code null} keeps them forever
     */
    public StorageMaintenance(DataSource dataSource, Duration retention, Clock clock) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.clock = clock;
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "storage-maintenance");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Runs a round now and then every {@code interval}. */
    public void start(Duration interval) {
        executor.scheduleWithFixedDelay(
                this::runQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One round: creates the weeks due (and moves rows out of the default partition), then drops
     * what retention lets go.
     */
    public SamplePartitionMaintenance.Retention runOnce() throws SQLException {
        var created =
                SamplePartitionMaintenance.ensure(
                        dataSource, clock.instant(), SamplePartitions.DEFAULT_WEEKS_AHEAD);
        if (!created.isEmpty()) {
            LOG.info("Created sample partitions {}", created);
        }
        if (retention == null) {
            return new SamplePartitionMaintenance.Retention(List.of(), null);
        }
        SamplePartitionMaintenance.Retention done =
                SamplePartitionMaintenance.dropExpired(dataSource, clock.instant(), retention);
        if (!done.dropped().isEmpty()) {
            LOG.info("Retention dropped the raw samples of weeks {}", done.dropped());
        }
        if (done.keptForUnfinished() != null) {
            LOG.warn(
                    "Retention keeps the samples of week {} and later: it holds unfinished trips",
                    done.keptForUnfinished());
        }
        return done;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Storage maintenance failed, next round retries: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
