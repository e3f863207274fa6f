package io.fleetflow.gateway.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;

/** The PostgreSQL database holding the {@code telemetry} schema. */
final class DatabaseOptions {

    static final GatewayOption<String> URL =
            GatewayOption.text(
                    "FLEETFLOW_DB_URL",
                    "jdbc:postgresql://127.0.0.1:5432/postgres",
                    "JDBC URL of the PostgreSQL database.");

    static final GatewayOption<String> USER =
            GatewayOption.text("FLEETFLOW_DB_USER", "postgres", "Database user name.");

    static final GatewayOption<String> PASSWORD =
            GatewayOption.text("FLEETFLOW_DB_PASSWORD", "", "Database password (empty: none).");

    static final GatewayOption<Integer> POOL_SIZE =
            GatewayOption.integer(
                    "FLEETFLOW_DB_POOL_SIZE", 16, "Size of the connection pool, in connections.");

    static final GatewayOption<Boolean> APPLY_SCHEMA =
            GatewayOption.flag(
                    "FLEETFLOW_APPLY_SCHEMA",
                    true,
                    "Whether to apply sql/init.sql (idempotent) at start (true or false).");

    static final List<GatewayOption<?>> ALL = List.of(URL, USER, PASSWORD, POOL_SIZE, APPLY_SCHEMA);

    private DatabaseOptions() {}

    /** The gateway's connection pool. */
    static HikariDataSource pool(GatewayConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("gateway");
        hc.setJdbcUrl(config.dbUrl());
        hc.setUsername(config.dbUser());
        hc.setPassword(config.dbPassword());
        hc.setMaximumPoolSize(config.dbPoolSize());
        hc.setConnectionTimeout(3_000);
        hc.setInitializationFailTimeout(-1); // start even when the database is still coming up
        hc.setRegisterMbeans(false);
        return new HikariDataSource(hc);
    }
}
