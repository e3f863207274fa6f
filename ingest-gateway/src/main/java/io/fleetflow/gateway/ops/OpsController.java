package io.fleetflow.gateway.ops;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /metrics} (Prometheus text format) and {@code /openapi.json} (the API's description). */
public final class OpsController {

    /** Where the OpenAPI 3 document of every route lives on the class path. */
    public static final String OPENAPI_RESOURCE = "/openapi.json";

    private final GatewayMetrics metrics;
    private final byte[] openApi;

    public OpsController(GatewayMetrics metrics) {
        this.metrics = metrics;
        this.openApi = openApiDocument();
    }

    public void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render());
    }

    public void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    public static byte[] openApiDocument() {
        try (InputStream in = OpsController.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
