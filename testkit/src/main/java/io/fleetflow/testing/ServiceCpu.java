package io.fleetflow.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * CPU time used so far on this host by every PostgreSQL process, by RabbitMQ's Erlang VM and by
 * this JVM, read from Linux's {@code /proc}. A benchmark takes one reading before and one after a
 * measured stretch; the difference divided by the work done says what each part costs per item when
 * they all share the same cores. Backends that exit in between are still counted: their times move
 * to the postmaster's reaped-children times. Resolution for the services: one clock tick (1/100 s)
 * per process. On a host without {@code /proc} the services read as zero ({@link
 * #servicesVisible()} says so).
 */
public record ServiceCpu(long postgresNs, long rabbitmqNs, long jvmNs) {

    /** Linux reports process times in USER_HZ ticks, 100 per second on every architecture. */
    private static final long NS_PER_TICK = 10_000_000L;

    private static final Path PROC = Path.of("/proc");

    public static ServiceCpu now() {
        if (!servicesVisible()) {
            return new ServiceCpu(0, 0, jvmCpuNs());
        }
        // A backend that just exited can be missing for a few milliseconds from both the process
        // list and its postmaster's reaped times (seen here right after a client closed its
        // connections: the reading came out far too low, and right again a few ms later). So
        // processes
        // are read until two readings 5 ms apart agree on which PostgreSQL processes exist and on
        // the reaped times.
        Reading last = Reading.take();
        for (int i = 0; i < 200; i++) {
            sleep(Duration.ofMillis(5));
            Reading next = Reading.take();
            if (next.settledSince(last)) {
                return next.withJvm();
            }
            last = next;
        }
        return last.withJvm();
    }

    public static boolean servicesVisible() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** The CPU time used between {@code earlier} and this reading. */
    public ServiceCpu since(ServiceCpu earlier) {
        return new ServiceCpu(
                postgresNs - earlier.postgresNs,
                rabbitmqNs - earlier.rabbitmqNs,
                jvmNs - earlier.jvmNs);
    }

    /**
     * Each process's median over {@code readings} (the upper middle one for an even count): the
     * figure a benchmark reports for its runs.
     */
    public static ServiceCpu median(List<ServiceCpu> readings) {
        return new ServiceCpu(
                median(readings, ServiceCpu::postgresNs),
                median(readings, ServiceCpu::rabbitmqNs),
                median(readings, ServiceCpu::jvmNs));
    }

    private static long median(List<ServiceCpu> readings, ToLongFunction<ServiceCpu> process) {
        long[] sorted = readings.stream().mapToLong(process).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    public double postgresMsPer(long items) {
        return postgresNs / 1e6 / items;
    }

    public double rabbitmqMsPer(long items) {
        return rabbitmqNs / 1e6 / items;
    }

    public double jvmMsPer(long items) {
        return jvmNs / 1e6 / items;
    }

    /** "PostgreSQL a, RabbitMQ b, JVM c ms" per item, for a benchmark's output. */
    public String perItem(long items) {
        return String.format(
                Locale.ROOT,
                "PostgreSQL %.3f, RabbitMQ %.3f, JVM %.3f ms",
                postgresMsPer(items),
                rabbitmqMsPer(items),
                jvmMsPer(items));
    }

    private static final String POSTGRES = "postgres";

    /** One pass over {@code /proc}: the services' ticks so far. */
    private record Reading(Set<Long> postgresPids, long postgresOwn, long reaped, long rabbitmq) {

        static Reading take() {
            Set<Long> pids = new HashSet<>();
            long own = 0;
            long reaped = 0;
            long rabbitmq = 0;
            try (Stream<Path> entries = Files.list(PROC)) {
                for (Path dir : (Iterable<Path>) entries::iterator) {
                    ProcessTimes t = ProcessTimes.read(dir);
                    if (t == null) {
                        continue;
                    }
                    if (t.command().equals(POSTGRES)) {
                        pids.add(t.pid());
                        own += t.ownTicks();
                        reaped += t.reapedChildrenTicks();
                    } else if (t.command().equals("beam.smp")) {
                        rabbitmq += t.ownTicks();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + PROC, e);
            }
            return new Reading(pids, own, reaped, rabbitmq);
        }

        boolean settledSince(Reading earlier) {
            return postgresPids.equals(earlier.postgresPids) && reaped == earlier.reaped;
        }

        ServiceCpu withJvm() {
            return new ServiceCpu(
                    (postgresOwn + reaped) * NS_PER_TICK, rabbitmq * NS_PER_TICK, jvmCpuNs());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long jvmCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The fields of {@code /proc/<pid>/stat} this class needs. */
    private record ProcessTimes(long pid, String command, long ownTicks, long reapedChildrenTicks) {

        /**
         * @return null if {@code dir} is not a process, or it exited while being read
         */
        static ProcessTimes read(Path dir) {
            if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                return null;
            }
            String stat;
            try {
                stat = Files.readString(dir.resolve("stat"));
            } catch (IOException e) {
                return null;
            }
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after
            // the last ')'. Fields 14-17 of proc(5): utime, stime, cutime, cstime.
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open) {
                return null;
            }
            String[] f = stat.substring(close + 2).split(" ");
            return new ProcessTimes(
                    Long.parseLong(dir.getFileName().toString()),
                    stat.substring(open + 1, close),
                    Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14]));
        }
    }
}
