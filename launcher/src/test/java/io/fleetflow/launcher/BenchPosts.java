package io.fleetflow.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the launcher's benchmarks post trips, as devices do: a 503 (the gateway at its ingest
 * concurrency limit) is sent again after its Retry-After and counted; any other answer but 202
 * fails the benchmark.
 */
final class BenchPosts {

    /** Clients posting at once when the peak rate is measured. */
    static final int PEAK_CLIENTS = 16;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI uri;
    private final AtomicLong rejected = new AtomicLong();

    BenchPosts(URI uri) {
        this.uri = uri;
    }

    /** 503s answered so far (each sent again). */
    long rejected() {
        return rejected.get();
    }

    /** Trips/s from the first POST to the last 202, {@link #PEAK_CLIENTS} clients posting. */
    double peak(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PEAK_CLIENTS);
        long t = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String body : bodies) {
                done.add(
                        pool.submit(
                                () -> {
                                    for (; ; ) {
                                        HttpResponse<String> r =
                                                http.send(
                                                        request(body),
                                                        HttpResponse.BodyHandlers.ofString());
                                        if (r.statusCode() == 202) {
                                            return null;
                                        }
                                        Thread.sleep(retryAfterMs(r));
                                    }
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return bodies.size() / ((System.nanoTime() - t) / 1e9);
    }

    /** The 202 for {@code body}, sending it again after each 503's Retry-After. */
    CompletableFuture<HttpResponse<String>> accepted(String body) {
        return http.sendAsync(request(body), HttpResponse.BodyHandlers.ofString())
                .thenCompose(
                        r -> {
                            if (r.statusCode() == 202) {
                                return CompletableFuture.completedFuture(r);
                            }
                            Executor later =
                                    CompletableFuture.delayedExecutor(
                                            retryAfterMs(r), TimeUnit.MILLISECONDS);
                            return CompletableFuture.supplyAsync(() -> null, later)
                                    .thenCompose(x -> accepted(body));
                        });
    }

    /** The wait a 503 asks for (Retry-After is whole seconds; at least 50 ms). */
    private long retryAfterMs(HttpResponse<String> r) {
        if (r.statusCode() != 503) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        rejected.incrementAndGet();
        return r.headers()
                .firstValue("Retry-After")
                .map(v -> Math.max(50, Long.parseLong(v.trim()) * 1000))
                .orElse(50L);
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
