package io.fleetflow.gateway.ops;

import io.fleetflow.gateway.http.ProblemException;
import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many requests a handler works on at once. A request over the bound is refused at once
 * with 503 and {@code Retry-After} rather than queued, so memory and pool waits stay bounded under
 * overload and clients back off.
 */
public final class ConcurrencyLimit {

    /** Seconds a refused client is asked to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final Semaphore permits;
    private final GatewayMetrics metrics;

    public ConcurrencyLimit(int maxConcurrent, GatewayMetrics metrics) {
        this.permits = new Semaphore(maxConcurrent);
        this.metrics = metrics;
    }

    public Handler wrap(Handler handler) {
        return ctx -> {
            if (!permits.tryAcquire()) {
                metrics.overloaded();
                throw ProblemException.serviceUnavailable(
                        "the gateway is at its concurrency limit; retry later",
                        RETRY_AFTER_SECONDS);
            }
            try {
                handler.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }

    /** For tests and metrics: permits not in use. */
    public int available() {
        return permits.availablePermits();
    }
}
