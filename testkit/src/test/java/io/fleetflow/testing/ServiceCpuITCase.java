package io.fleetflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ServiceCpuITCase {

    @Test
    void aBackendThatExitedIsStillCounted() throws Exception {
        assertThat(ServiceCpu.servicesVisible()).as("/proc readable (Linux)").isTrue();
        ServiceCpu before = ServiceCpu.now();
        long pid;
        try (Connection c =
                        DriverManager.getConnection(
                                TestServices.dbUrl(),
                                TestServices.dbUser(),
                                TestServices.dbPassword());
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getLong(1);
            }
            s.execute("SELECT sum(i) FROM generate_series(1, 3000000) i");
        }
        Path backend = Path.of("/proc", Long.toString(pid));
        for (int i = 0; i < 200 && Files.exists(backend); i++) {
            Thread.sleep(10);
        }
        assertThat(backend).as("the backend exits after its connection closed").doesNotExist();

        ServiceCpu used = ServiceCpu.now().since(before);

        // Three million rows cost well over 30 ms of CPU on any machine this runs on (150-400 ms
        // here); without the exited backend's time the services would have used next to nothing.
        assertThat(used.postgresNs()).isGreaterThan(30_000_000L);
        assertThat(used.rabbitmqNs()).isGreaterThanOrEqualTo(0);
        assertThat(used.jvmNs()).isPositive();
    }

    @Test
    void aReadingRightAfterConnectionsCloseIsComplete() throws Exception {
        // As a benchmark's read client ends: eight connections that ran many short queries close,
        // and the reading follows at once, while their backends exit. Readings taken that way
        // without waiting for the process list to settle came out far too low (a probe of the job
        // benchmark's read ceiling: 3 of 15 readings).
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 15; round++) {
                ServiceCpu before = ServiceCpu.now();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    done.add(
                            pool.submit(
                                    () -> {
                                        try (Connection c = open();
                                                Statement s = c.createStatement()) {
                                            for (int q = 0; q < 300; q++) {
                                                s.execute(
                                                        "SELECT sum(i) FROM generate_series(1, 2000) i");
                                            }
                                        }
                                        return null;
                                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                ServiceCpu rightAfter = ServiceCpu.now().since(before);
                Thread.sleep(300);
                ServiceCpu later = ServiceCpu.now().since(before);

                assertThat(rightAfter.postgresNs())
                        .as("round %d", round)
                        .isGreaterThan(0)
                        .isCloseTo(later.postgresNs(), within(60_000_000L));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Connection open() throws Exception {
        return DriverManager.getConnection(
                TestServices.dbUrl(), TestServices.dbUser(), TestServices.dbPassword());
    }

    @Test
    void thisJvmsWorkIsCounted() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ServiceCpu before = ServiceCpu.now();
        long start = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - start < 100_000_000L) {
            x += Long.numberOfTrailingZeros(x + start);
        }
        ServiceCpu used = ServiceCpu.now().since(before);

        assertThat(x).isNotNegative();
        assertThat(used.jvmNs()).isGreaterThanOrEqualTo(100_000_000L);
    }
}
