package io.fleetflow.gateway.app;

import io.fleetflow.testing.TestServices;

/** A gateway configuration against the test services, for this module's integration tests. */
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
}
