package io.fleetflow.gateway.app;

import io.fleetflow.gateway.dashboard.DashboardFiles;
import io.fleetflow.gateway.ingest.TelemetryController;
import io.fleetflow.gateway.ingest.TripStore;
import io.fleetflow.gateway.ops.HealthController;
import io.fleetflow.gateway.publish.PublicationStore;
import io.fleetflow.gateway.publish.RabbitTripPublisher;
import io.fleetflow.gateway.read.ReadApiController;
import io.fleetflow.model.ingest.PayloadLimits;
import io.fleetflow.model.ingest.TripPayloadReader;
import io.fleetflow.testing.TestServices;
import io.javalin.Javalin;
import java.time.Clock;
import javax.sql.DataSource;

/** A gateway against the test services, for this module's integration tests. */
public final class TestGateway {

    private TestGateway() {}

    /** {@link GatewayConfig#local} on the test database and broker, publishing to {@code queue}. */
    public static GatewayConfig local(String queue) {
        return GatewayConfig.local(
                TestServices.dbUrl(), TestServices.dbUser(), TestServices.amqpUri(), queue);
    }

    /** With authentication on and a fresh device key and operator token. */
    public static GatewayConfig authenticated(String queue) {
        return local(queue).withAuth(true).withDevCredentials(true);
    }

    /**
     * The HTTP app alone, without authentication, around a given read API and dashboard, started on
     * a free port: for tests of the read side that wire its collaborators themselves.
     */
    public static Javalin readApp(
            DataSource db,
            RabbitTripPublisher publisher,
            ReadApiController read,
            DashboardFiles dashboard) {
        return GatewayApp.create(
                        new TelemetryController(
                                new TripPayloadReader(PayloadLimits.DEFAULTS, Clock.systemUTC()),
                                new TripStore(db),
                                new PublicationStore(db),
                                publisher,
                                1 << 20),
                        new HealthController(db, publisher::ping),
                        read,
                        dashboard,
                        GatewayApp.objectMapper())
                .start("127.0.0.1", 0);
    }
}
