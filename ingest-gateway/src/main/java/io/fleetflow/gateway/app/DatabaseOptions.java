package io.fleetflow.gateway.app;

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
}
