package io.fleetflow.gateway.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored alerts to the webhook, at least once: it leases due alerts ({@link
 * AlertStore#LEASE}, {@code FOR UPDATE SKIP LOCKED}, so several gateways share the work), POSTs
 * each as signed JSON, and records a 2xx as delivered or anything else (an error status, a timeout,
 * no connection) as a failed attempt with the next one due after an exponential, capped backoff. A
 * gateway that dies between the lease and the record leaves the alert due again when the lease runs
 * out, so nothing is lost; a receiver may see an alert twice and deduplicates on its id.
 */
public final class AlertDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    /** Most alerts leased (and sent concurrently) at once. */
    static final int BATCH = 50;

    /** Most batches one round sends before it waits for the next poll. */
    private static final int BATCHES_PER_ROUND = 20;

    private final AlertStore store;
    private final AlertSettings settings;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Duration lease;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "alert-dispatcher");
                        t.setDaemon(true);
                        return t;
                    });

    public AlertDispatcher(AlertStore store, AlertSettings settings, ObjectMapper mapper) {
        this.store = store;
        this.settings = settings;
        this.mapper = mapper;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(settings.timeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        // Longer than a whole delivery (request and record) can take, so that a lease runs out
        // only when its dispatcher is gone.
        this.lease = settings.timeout().multipliedBy(2).plusSeconds(1);
    }

    /** Starts polling; without a webhook, alerts are stored and shown only and nothing runs. */
    public void start() {
        if (settings.webhookUrl() == null) {
            LOG.info(
                    "No alert webhook configured (FLEETFLOW_ALERT_WEBHOOK_URL): alerts are stored only");
            return;
        }
        long ms = settings.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::runOnce, ms, ms, TimeUnit.MILLISECONDS);
        LOG.info("Delivering alerts to {}", settings.webhookUrl());
    }

    /** One round: sends every due alert (up to a bound); returns how many were delivered. */
    public synchronized int runOnce() {
        if (settings.webhookUrl() == null) {
            return 0;
        }
        int total = 0;
        try {
            for (int round = 0; round < BATCHES_PER_ROUND; round++) {
                List<Alert> due = store.leaseDue(BATCH, lease);
                total += deliver(due);
                if (due.size() < BATCH) {
                    break;
                }
            }
        } catch (Exception e) {
            LOG.warn("Alert dispatch round failed: {}", e.getMessage());
        }
        return total;
    }

    private int deliver(List<Alert> alerts) throws Exception {
        List<CompletableFuture<String>> sent = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            sent.add(send(alert));
        }
        List<UUID> ok = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            String error = sent.get(i).join();
            if (error == null) {
                ok.add(alert.id());
            } else {
                Duration wait = settings.backoff(alert.deliveryAttempts());
                store.markFailed(alert.id(), error, wait);
                failedAttempts.incrementAndGet();
                LOG.warn(
                        "Alert {} not delivered (attempt {}): {}; next attempt in {} ms",
                        alert.id(),
                        alert.deliveryAttempts(),
                        error,
                        wait.toMillis());
            }
        }
        // A crash before this line sends them again once their lease runs out: at least once,
        // the receiver deduplicates by the alert's id.
        store.markDelivered(ok);
        delivered.addAndGet(ok.size());
        return ok.size();
    }

    /** Posts one alert; completes with {@code null} on a 2xx answer, else with the reason. */
    private CompletableFuture<String> send(Alert alert) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(alert);
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture("not serialisable: " + e.getMessage());
        }
        HttpRequest request =
                HttpRequest.newBuilder(settings.webhookUrl())
                        .timeout(settings.timeout())
                        .header("Content-Type", "application/json")
                        .header(
                                WebhookSignature.HEADER,
                                WebhookSignature.sign(settings.webhookSecret(), body))
                        .header(WebhookSignature.ALERT_ID_HEADER, alert.id().toString())
                        .header(
                                WebhookSignature.ATTEMPT_HEADER,
                                String.valueOf(alert.deliveryAttempts()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle(
                        (response, failure) -> {
                            if (failure != null) {
                                Throwable cause =
                                        failure.getCause() != null ? failure.getCause() : failure;
                                return cause.getClass().getSimpleName()
                                        + (cause.getMessage() == null
                                                ? ""
                                                : ": " + cause.getMessage());
                            }
                            int status = response.statusCode();
                            return status >= 200 && status < 300 ? null : "HTTP " + status;
                        });
    }

    /** Alerts delivered by this dispatcher since it started. */
    public long delivered() {
        return delivered.get();
    }

    /** Failed delivery attempts since start. */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** Stops polling and lets a running round finish (at most its timeout and a little more). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timer.shutdownNow();
        }
    }
}
