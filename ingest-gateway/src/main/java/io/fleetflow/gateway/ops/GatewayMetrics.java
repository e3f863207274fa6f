package io.fleetflow.gateway.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The gateway's Prometheus metrics, kept in lock-free adders and written in the text exposition
 * format (version 0.0.4) by {@link #render()}. Label values are bounded: routes are route templates
 * (unmatched paths count as {@code unmatched}), reasons are a fixed vocabulary.
 */
public final class GatewayMetrics {

    /** Upper bounds of the request latency histogram. In seconds. */
    static final double[] LATENCY_BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
    };

    private final Map<List<String>, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<List<String>, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder publishFailures = new LongAdder();
    private final LongAdder relayRepublished = new LongAdder();
    private final LongAdder overloaded = new LongAdder();
    private volatile Supplier<PoolUsage> pool = () -> null;
    private volatile Supplier<Integer> inFlight = () -> 0;

    /** Connection pool figures at one moment. */
    public record PoolUsage(int active, int idle, int total, int waiting, int max) {}

    public void recordRequest(String method, String route, int status, double seconds) {
        requests.computeIfAbsent(
                        List.of(method, route, String.valueOf(status)), k -> new LongAdder())
                .increment();
        latency.computeIfAbsent(List.of(method, route), k -> new Histogram()).observe(seconds);
    }

    public void tripAccepted() {
        accepted.increment();
    }

    /** An ingest refused; {@code reason} is a short fixed word such as {@code invalid}. */
    public void tripRejected(String reason) {
        rejected.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    public void tripReplayed() {
        replayed.increment();
    }

    public void publishFailed() {
        publishFailures.increment();
    }

    public void relayRepublished(int trips) {
        relayRepublished.add(trips);
    }

    public void overloaded() {
        overloaded.increment();
    }

    public void poolUsage(Supplier<PoolUsage> source) {
        pool = source;
    }

    public void inFlight(Supplier<Integer> source) {
        inFlight = source;
    }

    public long rejectedCount(String reason) {
        LongAdder a = rejected.get(reason);
        return a == null ? 0 : a.sum();
    }

    public String render() {
        StringBuilder out = new StringBuilder(4096);
        header(
                out,
                "fleetflow_http_requests_total",
                "counter",
                "HTTP requests by route and status.");
        requests.forEach(
                (k, v) ->
                        out.append("fleetflow_http_requests_total{method=\"")
                                .append(k.get(0))
                                .append("\",route=\"")
                                .append(escape(k.get(1)))
                                .append("\",status=\"")
                                .append(k.get(2))
                                .append("\"} ")
                                .append(v.sum())
                                .append('\n'));
        header(
                out,
                "fleetflow_http_request_duration_seconds",
                "histogram",
                "HTTP request latency by route.");
        latency.forEach((k, h) -> h.render(out, k.get(0), escape(k.get(1))));
        single(out, "fleetflow_http_in_flight", "gauge", "Requests being handled.", inFlight.get());
        single(
                out,
                "fleetflow_trips_accepted_total",
                "counter",
                "Trips stored (202).",
                accepted.sum());
        header(
                out,
                "fleetflow_trips_rejected_total",
                "counter",
                "Ingest requests refused, by reason.");
        rejected.forEach(
                (reason, v) ->
                        out.append("fleetflow_trips_rejected_total{reason=\"")
                                .append(reason)
                                .append("\"} ")
                                .append(v.sum())
                                .append('\n'));
        single(
                out,
                "fleetflow_trips_idempotent_replays_total",
                "counter",
                "Retries answered with an already stored trip.",
                replayed.sum());
        single(
                out,
                "fleetflow_publish_failures_total",
                "counter",
                "Trip ids the broker did not confirm at ingest (the relay publishes them later).",
                publishFailures.sum());
        single(
                out,
                "fleetflow_relay_republished_total",
                "counter",
                "Trip ids published by the relay.",
                relayRepublished.sum());
        single(
                out,
                "fleetflow_overload_rejections_total",
                "counter",
                "Requests refused with 503 because the concurrency limit was reached.",
                overloaded.sum());
        PoolUsage p = pool.get();
        if (p != null) {
            header(
                    out,
                    "fleetflow_db_pool_connections",
                    "gauge",
                    "Database pool connections by state.");
            out.append("fleetflow_db_pool_connections{state=\"active\"} ")
                    .append(p.active())
                    .append('\n');
            out.append("fleetflow_db_pool_connections{state=\"idle\"} ")
                    .append(p.idle())
                    .append('\n');
            out.append("fleetflow_db_pool_connections{state=\"total\"} ")
                    .append(p.total())
                    .append('\n');
            single(
                    out,
                    "fleetflow_db_pool_waiting_threads",
                    "gauge",
                    "Threads waiting for a database connection.",
                    p.waiting());
            single(out, "fleetflow_db_pool_max", "gauge", "Largest pool size.", p.max());
        }
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void single(
            StringBuilder out, String name, String type, String help, long value) {
        header(out, name, type, help);
        out.append(name).append(' ').append(value).append('\n');
    }

    static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A cumulative histogram with {@link #LATENCY_BUCKETS}. */
    static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[LATENCY_BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final java.util.concurrent.atomic.DoubleAdder sum =
                new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
                if (seconds <= LATENCY_BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }

        void render(StringBuilder out, String method, String route) {
            String labels = "method=\"" + method + "\",route=\"" + route + "\"";
            long cumulative = 0;
            for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
                cumulative += buckets[i].sum();
                out.append("fleetflow_http_request_duration_seconds_bucket{")
                        .append(labels)
                        .append(",le=\"")
                        .append(LATENCY_BUCKETS[i])
                        .append("\"} ")
                        .append(cumulative)
                        .append('\n');
            }
            long total = count.sum();
            out.append("fleetflow_http_request_duration_seconds_bucket{")
                    .append(labels)
                    .append(",le=\"+Inf\"} ")
                    .append(total)
                    .append('\n');
            out.append("fleetflow_http_request_duration_seconds_count{")
                    .append(labels)
                    .append("} ")
                    .append(total)
                    .append('\n');
            out.append("fleetflow_http_request_duration_seconds_sum{")
                    .append(labels)
                    .append("} ")
                    .append(sum.sum())
                    .append('\n');
        }
    }
}
