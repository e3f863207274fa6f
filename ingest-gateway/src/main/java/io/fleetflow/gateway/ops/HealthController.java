package io.fleetflow.gateway.ops;

import io.javalin.http.Context;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** Liveness (the process answers) and readiness (database and broker reachable). */
public final class HealthController {

    private final DataSource dataSource;
    private final BooleanSupplier brokerReachable;
    private volatile boolean draining;

    /**
     * @param brokerReachable whether the broker answers now (the publisher's ping)
     */
    public HealthController(DataSource dataSource, BooleanSupplier brokerReachable) {
        this.dataSource = dataSource;
        this.brokerReachable = brokerReachable;
    }

    public void live(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    /** From now on readiness answers 503, so load balancers stop sending traffic. */
    public void drain() {
        draining = true;
    }

    public void ready(Context ctx) {
        if (draining) {
            ctx.status(503).json(Map.of("status", "DRAINING"));
            return;
        }
        boolean db = databaseUp();
        boolean broker = brokerReachable.getAsBoolean();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", db && broker ? "UP" : "DOWN");
        body.put("database", db ? "UP" : "DOWN");
        body.put("broker", broker ? "UP" : "DOWN");
        ctx.status(db && broker ? 200 : 503).json(body);
    }

    private boolean databaseUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
