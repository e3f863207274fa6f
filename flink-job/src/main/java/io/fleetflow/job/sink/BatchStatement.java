package io.fleetflow.job.sink;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Writes a whole batch of records with one SQL statement (arrays expanded with {@code unnest}), so
 * the batch lands atomically and costs one round trip and one statement execution however many
 * records it holds. The statement must be idempotent: a batch may be written again after a restore.
 *
 * @param <T> the record type
 */
public interface BatchStatement<T> extends Serializable {

    /**
     * The record's key in its table. A batch holds at most one record per key, the latest one (a
     * row can be upserted only once per statement, and every record is its key's full state).
     */
    String key(T record);

    /**
     * Writes {@code batch} (non-empty, distinct keys) on {@code connection}, inside a transaction
     * the caller commits.
     */
    void execute(Connection connection, Collection<T> batch) throws SQLException;

    /**
     * Whether {@code e} says only that rows were busy ({@code lock_not_available} from a {@code
     * NOWAIT} lock, or a deadlock): the write is retried at once, without counting as a failure.
     */
    static boolean isContention(SQLException e) {
        return "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }
}
