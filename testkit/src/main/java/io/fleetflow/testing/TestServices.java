package io.fleetflow.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Where integration tests find the real PostgreSQL and RabbitMQ: {@code FLEETFLOW_DB_URL}, {@code
 * FLEETFLOW_DB_USER}, {@code FLEETFLOW_AMQP_URI}, with this machine's defaults.
 */
public final class TestServices {
    private TestServices() {}

    public static String dbUrl() {
        return env("FLEETFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String dbUser() {
        return env("FLEETFLOW_DB_USER", "postgres");
    }

    public static String dbPassword() {
        return env("FLEETFLOW_DB_PASSWORD", "");
    }

    public static String amqpUri() {
        return env("FLEETFLOW_AMQP_URI", "amqp://guest:guest@127.0.0.1:5672/%2F");
    }

    public static HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dbUrl());
        config.setUsername(dbUser());
        config.setPassword(dbPassword());
        config.setMaximumPoolSize(4);
        config.setPoolName("test");
        return new HikariDataSource(config);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
