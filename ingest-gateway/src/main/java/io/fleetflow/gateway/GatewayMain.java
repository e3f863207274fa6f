package io.fleetflow.gateway;

/** Runs the gateway configured by {@code FLEETFLOW_*} environment variables until stopped. */
public final class GatewayMain {
    private GatewayMain() {}

    public static void main(String[] args) throws Exception {
        Gateway gateway = Gateway.start(GatewayConfig.fromEnvironment(System.getenv()));
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
