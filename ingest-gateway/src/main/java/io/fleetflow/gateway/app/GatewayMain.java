package io.fleetflow.gateway.app;

import java.util.Map;

/**
 * Runs the gateway configured by {@code FLEETFLOW_*} environment variables until stopped: the one
 * place the gateway reads its environment.
 */
public final class GatewayMain {
    private GatewayMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Gateway gateway =
                Gateway.start(
                        GatewayEnvironment.gatewayConfig(env),
                        GatewayEnvironment.readApiSettings(env),
                        GatewayEnvironment.alertSettings(env));
        gateway.devCredentials()
                .ifPresent(
                        dev ->
                                System.out.printf(
                                        "%nDev credentials (shown once):%n  device key      %s%n"
                                                + "  operator token  %s%n%n",
                                        dev.deviceKey(), dev.operatorToken()));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
    }
}
