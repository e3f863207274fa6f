package io.fleetflow.launcher;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AMQP 0-9-1 broker in this process: Apache Qpid Broker-J with a Derby message store in the data
 * directory, so queued trip ids survive a restart like RabbitMQ's durable queues do. It listens on
 * a free loopback port; its one user's password is generated at first start and kept (readable by
 * the owner only) in the data directory.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    static final String USER = "fleetflow";
    static final String VIRTUAL_HOST = "default";

    private final SystemLauncher launcher;
    private final int port;
    private final String password;

    private EmbeddedBroker(SystemLauncher launcher, int port, String password) {
        this.launcher = launcher;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedBroker start(Path dir) throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        String password = password(dir.resolve("password"));
        Path initialConfig = dir.resolve("initial-config.json");
        Files.writeString(initialConfig, initialConfig(password), StandardCharsets.UTF_8);
        ownerOnly(initialConfig);
        // Derby writes its log to the working directory unless told otherwise.
        System.setProperty(
                "derby.stream.error.file", dir.resolve("derby.log").toAbsolutePath().toString());
        int port = FreePort.pick();

        Map<String, Object> context = new HashMap<>();
        context.put("qpid.amqp_port", String.valueOf(port));
        context.put("qpid.work_dir", dir.toString());
        context.put("QPID_WORK", dir.toString());
        // No broker status lines on stdout: the launcher prints its own banner.
        context.put("qpid.broker_status_updates", "false");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "JSON");
        attributes.put("storePath", dir.resolve("config.json").toString());
        attributes.put("initialConfigurationLocation", initialConfig.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);

        AtomicReference<SystemConfig<?>> systemConfig = new AtomicReference<>();
        SystemLauncher launcher =
                new SystemLauncher(
                        new SystemLauncherListener.DefaultSystemLauncherListener() {
                            @Override
                            public void onContainerResolve(SystemConfig<?> config) {
                                systemConfig.set(config);
                            }
                        });
        launcher.startup(attributes);
        leaveShutdownToTheLauncher(systemConfig.get());
        LOG.info(
                "Embedded AMQP broker (Qpid Broker-J) on port {} with data in {} (started in {} ms)",
                port,
                dir,
                (System.nanoTime() - t0) / 1_000_000);
        return new EmbeddedBroker(launcher, port, password);
    }

    public String amqpUri() {
        return "amqp://" + USER + ":" + password + "@127.0.0.1:" + port + "/" + VIRTUAL_HOST;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        launcher.shutdown();
        LOG.info("Embedded AMQP broker stopped");
    }

    /**
     * Qpid registers a JVM shutdown hook of its own that stops the broker. On Ctrl-C that ran at
     * the same time as the launcher's orderly stop (job and gateway first, broker last), so the
     * gateway's and the job's connections lost the broker under them, and the launcher's own stop
     * of the broker then failed ("Task executor Broker-Config is not in ACTIVE state"). The hook is
     * removed; {@link #close()} stops the broker, in its turn. If this Qpid version keeps the hook
     * elsewhere, the broker simply keeps stopping itself as before.
     */
    private static void leaveShutdownToTheLauncher(SystemConfig<?> systemConfig) {
        try {
            Object broker = systemConfig.getContainer();
            Field field = null;
            for (Class<?> c = broker.getClass();
                    field == null && c != null;
                    c = c.getSuperclass()) {
                field =
                        Arrays.stream(c.getDeclaredFields())
                                .filter(f -> f.getName().equals("_shutdownHook"))
                                .findFirst()
                                .orElse(null);
            }
            if (field == null) {
                throw new NoSuchFieldException("_shutdownHook in " + broker.getClass());
            }
            field.setAccessible(true);
            Thread hook = (Thread) field.get(broker);
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not take over the embedded broker's shutdown: {}", e.toString());
        }
    }

    private static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        ownerOnly(file);
        return password;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("No POSIX permissions on this file system: {}", e.getMessage());
        }
    }

    /** Read by Qpid only at first start; afterwards it uses the stored {@code config.json}. */
    static String initialConfig(String password) {
        return """
                {
                  "name": "fleetflow",
                  "modelVersion": "9.0",
                  "authenticationproviders": [ {
                    "name": "plain",
                    "type": "Plain",
                    "secureOnlyMechanisms": [],
                    "users": [ { "name": "%s", "type": "managed", "password": "%s" } ]
                  } ],
                  "ports": [ {
                    "name": "AMQP",
                    "port": "${qpid.amqp_port}",
                    "bindingAddress": "127.0.0.1",
                    "protocols": [ "AMQP_0_9_1" ],
                    "authenticationProvider": "plain",
                    "virtualhostaliases": [
                      { "name": "nameAlias", "type": "nameAlias" },
                      { "name": "defaultAlias", "type": "defaultAlias" }
                    ]
                  } ],
                  "virtualhostnodes": [ {
                    "name": "%s",
                    "type": "DERBY",
                    "storePath": "${qpid.work_dir}${file.separator}derby",
                    "defaultVirtualHostNode": "true",
                    "virtualHostInitialConfiguration": "{\\"type\\": \\"ProvidedStore\\"}"
                  } ]
                }
                """
                .formatted(USER, password, VIRTUAL_HOST);
    }
}
