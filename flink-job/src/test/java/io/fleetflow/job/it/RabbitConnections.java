package io.fleetflow.job.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Closes broker connections by their {@code connection_name} with {@code rabbitmqctl}, as an
 * operator or a network fault would. Only connections carrying the exact name given are touched:
 * the broker is shared with other test runs.
 */
public final class RabbitConnections {

    private RabbitConnections() {}

    /** Pids of the open connections named {@code connectionName}. */
    public static List<String> named(String connectionName) throws Exception {
        String out =
                run(
                        "rabbitmqctl",
                        "-q",
                        "list_connections",
                        "--no-table-headers",
                        "pid",
                        "client_properties");
        List<String> pids = new ArrayList<>();
        // rabbitmqctl prints each client property as {"key","value"}
        String marker = "{\"connection_name\",\"" + connectionName + "\"}";
        for (String line : out.split("\n")) {
            if (line.startsWith("<") && line.contains(marker)) {
                pids.add(line.substring(0, line.indexOf('>') + 1).trim());
            }
        }
        return pids;
    }

    /** Closes every connection named {@code connectionName}; returns how many were closed. */
    public static int close(String connectionName) throws Exception {
        List<String> pids = named(connectionName);
        for (String pid : pids) {
            run("rabbitmqctl", "-q", "close_connection", pid, "fleetflow test: connection drop");
        }
        return pids.size();
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(
                    String.join(" ", command)
                            + " failed: "
                            + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
