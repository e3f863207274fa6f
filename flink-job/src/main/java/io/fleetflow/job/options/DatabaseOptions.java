package io.fleetflow.job.options;

import java.util.List;

/** The PostgreSQL the lookup reads trips from and the sinks write results to. */
public final class DatabaseOptions {

    public static final JobOption<String> JDBC_URL =
            JobOption.text(
                    "jdbc-url",
                    "jdbc:postgresql://127.0.0.1:5432/postgres",
                    "PostgreSQL JDBC URL.");

    public static final JobOption<String> JDBC_USER =
            JobOption.text("jdbc-user", "postgres", "PostgreSQL user.");

    public static final JobOption<String> JDBC_PASSWORD =
            JobOption.text("jdbc-password", "", "PostgreSQL password.");

    static final List<JobOption<?>> ALL = List.of(JDBC_URL, JDBC_USER, JDBC_PASSWORD);

    private DatabaseOptions() {}
}
