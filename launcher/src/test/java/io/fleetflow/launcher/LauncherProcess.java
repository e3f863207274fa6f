package io.fleetflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./fleetflow up} as a child process, started the way the README says, with its output kept
 * (and copied to a log file under {@code target/}) and its banner parsed.
 */
final class LauncherProcess {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BANNER_LINE = Pattern.compile("^  (\\S.*?)  (\\S.*)$");
    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Map<String, String> banner = new LinkedHashMap<>();
    private final List<ProcessHandle> tree = new ArrayList<>();

    private LauncherProcess(Process process) {
        this.process = process;
    }

    static LauncherProcess start(Map<String, String> env, Path log, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("./fleetflow", "up"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(REPOSITORY.toFile())
                        .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        LauncherProcess launcher = new LauncherProcess(builder.start());
        Files.createDirectories(log.getParent());
        PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8));
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    launcher.process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    launcher.output.add(line);
                                    copy.println(line);
                                    copy.flush();
                                }
                            } catch (IOException e) {
                                launcher.output.add("[reader] " + e);
                            } finally {
                                copy.close();
                            }
                        },
                        "launcher-output");
        reader.setDaemon(true);
        reader.start();
        return launcher;
    }

    /** Waits for the banner and reads its {@code " label value"} lines. */
    LauncherProcess awaitBanner(Duration timeout) {
        await("the launcher's banner")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> {
                            if (!process.isAlive()) {
                                throw new AssertionError(
                                        "the launcher exited with "
                                                + process.exitValue()
                                                + ":\n"
                                                + String.join("\n", output));
                            }
                            return output.contains("Press Ctrl-C to stop.");
                        });
        for (String line : output) {
            Matcher m = BANNER_LINE.matcher(line);
            if (m.matches()) {
                banner.put(m.group(1), m.group(2));
            }
        }
        process.toHandle().descendants().forEach(tree::add);
        tree.add(process.toHandle());
        return this;
    }

    String banner(String label) {
        assertThat(banner).as("banner line %s in:\n%s", label, output).containsKey(label);
        return banner.get(label);
    }

    Optional<String> bannerIfPresent(String label) {
        return Optional.ofNullable(banner.get(label));
    }

    /** The JDBC URL the banner names (the first word of its PostgreSQL line). */
    String jdbcUrl() {
        return banner("PostgreSQL").split(" ")[0];
    }

    /** Ports of the embedded services the banner names (none for external services). */
    List<Integer> embeddedPorts() {
        List<Integer> ports = new ArrayList<>();
        for (String label : List.of("PostgreSQL", "AMQP broker")) {
            String value = banner(label);
            Matcher m = PORT.matcher(value);
            if (value.contains("embedded") && m.find()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        }
        return ports;
    }

    /** Sends {@code signal} (e.g. INT for Ctrl-C, TERM) and waits for the launcher to exit. */
    void stop(String signal, Duration timeout) throws Exception {
        Process kill =
                new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
        assertThat(kill.waitFor()).isZero();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (process.isAlive()) {
            String ignored = ignoredSignalNote(signal);
            destroyIfAlive();
            throw new AssertionError("the launcher did not stop within " + timeout + ignored);
        }
    }

    /**
     * Why a signal may have had no effect: a process started in the background by a non-interactive
     * shell ignores SIGINT and SIGQUIT, and its children inherit that.
     */
    private String ignoredSignalNote(String signal) {
        Map<String, Integer> numbers = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "TERM", 15);
        try {
            for (String line :
                    Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("SigIgn:") && numbers.containsKey(signal)) {
                    long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    if ((mask & (1L << (numbers.get(signal) - 1))) != 0) {
                        return " (it ignores SIG"
                                + signal
                                + ", inherited from the process that started the tests: run them"
                                + " in the foreground)";
                    }
                }
            }
        } catch (Exception e) {
            // no /proc: nothing to add
        }
        return "";
    }

    /** Every process of the launcher's tree, as recorded once it was up. */
    List<ProcessHandle> processTree() {
        return tree;
    }

    List<String> output() {
        return output;
    }

    void destroyIfAlive() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Processes anywhere on the machine whose command line names {@code path}. */
    static List<String> processesMentioning(Path path) {
        String needle = path.toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains(needle))
                .toList();
    }
}
