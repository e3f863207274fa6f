package io.fleetflow.gateway.admin;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.gateway.app.GatewayConfig;
import io.fleetflow.gateway.app.GatewayEnvironment;
import io.fleetflow.gateway.auth.ApiKey;
import io.fleetflow.gateway.auth.ApiKeyRole;
import io.fleetflow.gateway.auth.ApiKeyStore;
import io.fleetflow.model.schema.SchemaInitializer;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Command-line administration of API keys, against the database named by {@code FLEETFLOW_DB_URL},
 * {@code FLEETFLOW_DB_USER} and {@code FLEETFLOW_DB_PASSWORD} (as the gateway reads them):
 *
 * <pre>
 * create --role DEVICE|VIEWER|OPERATOR --name NAME  prints the new key once; only its hash is stored
 * list                                              id, role, prefix, name, created, revoked
 * revoke ID|PREFIX                                  revokes by id or by key prefix (e.g. ffd_AbC)
 * </pre>
 *
 * Exit status: 0 done, 1 nothing matched, 2 usage error, 3 database error.
 */
public final class ApiKeyAdmin {

    static final String USAGE =
            "usage: ApiKeyAdmin create --role DEVICE|VIEWER|OPERATOR --name NAME\n"
                    + "       ApiKeyAdmin list\n"
                    + "       ApiKeyAdmin revoke ID|PREFIX";

    private ApiKeyAdmin() {}

    public static void main(String[] args) {
        GatewayConfig config = GatewayEnvironment.gatewayConfig(System.getenv());
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.dbUrl());
        hc.setUsername(config.dbUser());
        hc.setPassword(config.dbPassword());
        hc.setMaximumPoolSize(1);
        hc.setPoolName("api-key-admin");
        int status;
        try (HikariDataSource dataSource = new HikariDataSource(hc)) {
            status = run(args, dataSource, System.out, System.err);
        } catch (RuntimeException e) {
            System.err.println("cannot reach the database: " + e.getMessage());
            status = 3;
        }
        System.exit(status);
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, DataSource dataSource, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            SchemaInitializer.apply(dataSource);
            ApiKeyStore keys = new ApiKeyStore(dataSource);
            switch (args[0]) {
                case "create":
                    return create(args, keys, out, err);
                case "list":
                    for (ApiKey k : keys.list()) {
                        out.println(line(k));
                    }
                    return 0;
                case "revoke":
                    if (args.length != 2) {
                        err.println(USAGE);
                        return 2;
                    }
                    List<ApiKey> revoked = keys.revoke(args[1]);
                    if (revoked.isEmpty()) {
                        err.println("no valid key matches " + args[1]);
                        return 1;
                    }
                    revoked.forEach(k -> out.println("revoked " + line(k)));
                    return 0;
                default:
                    err.println(USAGE);
                    return 2;
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (SQLException e) {
            err.println("database error: " + e.getMessage());
            return 3;
        }
    }

    private static int create(String[] args, ApiKeyStore keys, PrintStream out, PrintStream err)
            throws SQLException {
        String role = null;
        String name = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--role") && i + 1 < args.length) {
                role = args[++i];
            } else if (args[i].equals("--name") && i + 1 < args.length) {
                name = args[++i];
            } else {
                err.println("unknown argument " + args[i]);
                err.println(USAGE);
                return 2;
            }
        }
        if (role == null || name == null || name.isBlank()) {
            err.println(USAGE);
            return 2;
        }
        ApiKeyRole parsed = ApiKeyRole.valueOf(role.toUpperCase(Locale.ROOT));
        ApiKeyStore.CreatedKey created = keys.create(parsed, name);
        out.println(created.secret());
        err.println(
                "created "
                        + line(created.key())
                        + "\nThe key above is shown only now; store it safely.");
        return 0;
    }

    private static String line(ApiKey k) {
        return String.format(
                Locale.ROOT,
                "%d\t%s\t%s...\t%s\tcreated %s%s",
                k.id(),
                k.role(),
                k.keyPrefix(),
                k.name(),
                k.createdAt(),
                k.isRevoked() ? "\trevoked " + k.revokedAt() : "");
    }
}
