package io.fleetflow.job.sink;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/** SQL arrays from Java arrays, primitive ones included (JDBC's own method takes only objects). */
final class SqlArrays {
    private SqlArrays() {}

    /**
     * @param type the element type's PostgreSQL name, e.g. {@code int8}
     * @param values a {@code long[]}, {@code int[]}, {@code double[]}, {@code String[]}, or a boxed
     *     array ({@code Double[]}, {@code Boolean[]}) whose {@code null}s become SQL NULLs
     */
    static Array of(Connection c, String type, Object values) throws SQLException {
        return c.unwrap(PGConnection.class).createArrayOf(type, values);
    }
}
