package io.fleetflow.gateway.ingest;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for new trips: the rows of concurrent requests are inserted together, in one
 * transaction and one round trip, and each request returns once that transaction has committed.
 * Every 202 still follows its own row's durable commit; what the requests share is the commit's
 * fixed cost (round trip, transaction, WAL flush). With one request at a time a batch is one row,
 * so nobody waits for company.
 *
 * <p>When a batch fails, its rows are retried one by one, so a row the database refuses fails alone
 * and an outage fails each request with its own {@link SQLException}.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** Most rows in one transaction. */
    static final int MAX_BATCH = 64;

    /** Longest a request waits for its row's commit before it is told the store is unavailable. */
    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    /** A row to insert and the request waiting for it. */
    private record Pending(NewTrip trip, CompletableFuture<Void> committed) {}

    /** Inserts rows; the real one is TripStore's. */
    interface Inserts {
        void insertAll(List<NewTrip> trips) throws SQLException;
    }

    private final Inserts inserts;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closing;

    /**
     * @param writerCount threads (and so connections) committing batches; while one commits, the
     *     next batch gathers for another
     */
    GroupCommitWriter(Inserts inserts, int writerCount) {
        this.inserts = inserts;
        for (int i = 1; i <= writerCount; i++) {
            Thread t = new Thread(this::writeLoop, "trip-group-commit-" + i);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }
    }

    /** Inserts the trip and returns once it is committed. */
    void insert(NewTrip trip) throws SQLException {
        if (closing) {
            throw new SQLException("the trip store is shutting down");
        }
        Pending pending = new Pending(trip, new CompletableFuture<>());
        waiting.add(pending);
        try {
            pending.committed().get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("inserting the trip failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new SQLException("the trip was not committed within " + COMMIT_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the commit", e);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!(closing && waiting.isEmpty())) {
            try {
                Pending first = waiting.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                fail(batch, new SQLException("the trip store is shutting down"));
                return;
            } catch (RuntimeException e) {
                fail(batch, new SQLException("inserting trips failed: " + e, e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            inserts.insertAll(batch.stream().map(Pending::trip).toList());
            batch.forEach(p -> p.committed().complete(null));
            return;
        } catch (SQLException e) {
            if (batch.size() == 1) {
                batch.get(0).committed().completeExceptionally(e);
                return;
            }
            LOG.debug("A batch of {} trips failed; retrying them one by one", batch.size(), e);
        }
        for (Pending p : batch) {
            try {
                inserts.insertAll(List.of(p.trip()));
                p.committed().complete(null);
            } catch (SQLException e) {
                p.committed().completeExceptionally(e);
            }
        }
    }

    private static void fail(List<Pending> batch, SQLException e) {
        batch.forEach(p -> p.committed().completeExceptionally(e));
    }

    /** Commits what is waiting, then stops; rows still waiting after 10 s fail. */
    @Override
    public void close() {
        closing = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread t : writers) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        writers.forEach(Thread::interrupt);
        Pending p;
        while ((p = waiting.poll()) != null) {
            p.committed().completeExceptionally(new SQLException("the trip store shut down"));
        }
    }
}
