package io.fleetflow.model.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Applies the bundled {@code sql/init.sql}, which is idempotent, so any start may run it; then, in
 * the same transaction, moves the samples of a database made before they were partitioned ({@link
 * SampleStorageUpgrade}) and creates the current and next weeks' sample partitions ({@link
 * SamplePartitionMaintenance}).
 */
public final class SchemaInitializer {

    /** The advisory lock every schema change holds (starts, partition maintenance). */
    static final long LOCK_KEY = 727274;

    /** Where the build places {@code sql/init.sql} on the class path. */
    public static final String RESOURCE = "/sql/init.sql";

    private SchemaInitializer() {}

    public static void apply(DataSource dataSource) throws SQLException {
        String script = script();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // Serialise concurrent starts: CREATE ... IF NOT EXISTS races on the catalog otherwise.
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            s.execute(script);
            SampleStorageUpgrade.apply(c);
            SamplePartitionMaintenance.ensure(
                    c, Instant.now(), SamplePartitions.DEFAULT_WEEKS_AHEAD);
            c.commit();
            c.setAutoCommit(autoCommit);
        }
    }

    public static String script() {
        try (InputStream in = SchemaInitializer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
