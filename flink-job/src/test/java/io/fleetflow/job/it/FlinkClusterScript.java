package io.fleetflow.job.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drives {@code scripts/flink-cluster.sh} with its own work directory and free ports. */
final class FlinkClusterScript {

    private final Path root;
    private final Path work;
    private final int restPort;
    private final int rpcPort;

    FlinkClusterScript(Path root, Path work) throws IOException {
        this.root = root;
        this.work = work;
        this.restPort = freePort();
        this.rpcPort = freePort();
    }

    String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    Path logDir() {
        return work.resolve("log");
    }

    void start() throws Exception {
        run(List.of("start"), 240);
    }

    /** Submits the jar with the arguments; returns the job id. */
    String submit(Path jar, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("submit", jar.toString()));
        command.addAll(args);
        String out = run(command, 120).trim();
        return out.substring(out.lastIndexOf('\n') + 1).trim();
    }

    void stop() throws Exception {
        run(List.of("stop"), 120);
    }

    private String run(List<String> args, int timeoutSeconds) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("scripts/flink-cluster.sh").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = pb.environment();
        env.put("FLEETFLOW_FLINK_WORK", work.toString());
        env.put("FLEETFLOW_FLINK_REST_PORT", Integer.toString(restPort));
        env.put("FLEETFLOW_FLINK_RPC_PORT", Integer.toString(rpcPort));
        env.put("FLEETFLOW_FLINK_CHECKPOINTS", work.resolve("checkpoints").toUri().toString());
        File err = work.resolve("script-" + args.get(0) + ".err").toFile();
        Files.createDirectories(work);
        pb.redirectError(err);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("flink-cluster.sh " + args + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException(
                    "flink-cluster.sh "
                            + args
                            + " failed: "
                            + out
                            + Files.readString(err.toPath()));
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
