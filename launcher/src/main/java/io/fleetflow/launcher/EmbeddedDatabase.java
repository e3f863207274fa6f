package io.fleetflow.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL (zonky's embedded binaries) whose cluster lives in the data directory, so trips
 * survive restarts. Unlike zonky's test defaults, commits are durable: fsync and synchronous commit
 * stay on. The gateway applies the schema, as it does against any database.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free loopback port with its cluster in {@code dataDir}. */
    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        long t0 = System.nanoTime();
        EmbeddedPostgres postgres =
                EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPort(FreePort.pick())
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("max_connections", "100")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // The launcher stops it in order, after the gateway and the job.
                        .setRegisterShutdownHook(false)
                        .start();
        LOG.info(
                "Embedded PostgreSQL on port {} with data in {} (started in {} ms)",
                postgres.getPort(),
                dataDir,
                (System.nanoTime() - t0) / 1_000_000);
        return new EmbeddedDatabase(postgres);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        LOG.info("Embedded PostgreSQL stopped");
    }
}
