package io.fleetflow.gateway;

/** Runs the gateway configured by {@code FLEETFLOW_*} environment variables until stopped. */
public final class GatewayMain {
    private GatewayMain() {}

    public static void main(String[] args) throws Exception {
        Gateway gateway = Gateway.start(GatewayConfig.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
    }
}
