package io.fleetflow.job.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Drives {@code scripts/flink-cluster.sh} with its own work directory and free ports. */
final class FlinkClusterScript {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path work;
    private final int restPort;
    private final int rpcPort;
    private final int taskManagers;
    private final int slotsPerTaskManager;

    FlinkClusterScript(Path root, Path work) throws IOException {
        this(root, work, 1, 2);
    }

    FlinkClusterScript(Path root, Path work, int taskManagers, int slotsPerTaskManager)
            throws IOException {
        this.root = root;
        this.work = work;
        this.restPort = freePort();
        this.rpcPort = freePort();
        this.taskManagers = taskManagers;
        this.slotsPerTaskManager = slotsPerTaskManager;
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
        return submit(jar, args, null);
    }

    /** Submits the jar, started from {@code savepoint} when not null; returns the job id. */
    String submit(Path jar, List<String> args, String savepoint) throws Exception {
        List<String> command = new ArrayList<>(List.of("submit", jar.toString()));
        command.addAll(args);
        return lastLine(run(command, 120, savepoint));
    }

    /** Stops the job with a savepoint into the work directory; returns the savepoint's path. */
    String stopWithSavepoint(String jobId) throws Exception {
        String dir = work.resolve("savepoints").toUri().toString();
        return lastLine(run(List.of("savepoint", jobId, dir), 240, null));
    }

    private static String lastLine(String out) {
        String trimmed = out.trim();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1).trim();
    }

    void stop() throws Exception {
        run(List.of("stop"), 120);
    }

    private String run(List<String> args, int timeoutSeconds) throws Exception {
        return run(args, timeoutSeconds, null);
    }

    private String run(List<String> args, int timeoutSeconds, String savepoint) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("scripts/flink-cluster.sh").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = pb.environment();
        env.put("FLEETFLOW_FLINK_WORK", work.toString());
        env.put("FLEETFLOW_FLINK_REST_PORT", Integer.toString(restPort));
        env.put("FLEETFLOW_FLINK_RPC_PORT", Integer.toString(rpcPort));
        env.put("FLEETFLOW_FLINK_CHECKPOINTS", work.resolve("checkpoints").toUri().toString());
        env.put("FLEETFLOW_FLINK_TASKMANAGERS", Integer.toString(taskManagers));
        env.put("FLEETFLOW_FLINK_SLOTS", Integer.toString(slotsPerTaskManager));
        if (savepoint != null) {
            env.put("FLEETFLOW_FLINK_SAVEPOINT", savepoint);
        }
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

    /** GET on the REST API (what the Web UI reads), as JSON; fails on anything but 200. */
    JsonNode rest(String path) throws IOException, InterruptedException {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(restUrl() + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The shaded job jar the module's package phase built. */
    static Path shadedJar(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-shaded.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no shaded jar in " + target));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
