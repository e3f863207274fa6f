package io.fleetflow.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.dashboard.DashboardFiles;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import io.javalin.http.HandlerType;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /openapi.json} describes exactly the routes the running gateway registers, in both
 * directions. Operations marked {@code x-provided-by: read-api} are required once the read API is
 * wired in (recognised by any {@code /api/v1/fleet} route); until then they may be absent.
 */
class OpenApiRoutesITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final ObjectMapper json = new ObjectMapper();
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(TestGateway.local(queue.name()).withAuth(true));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void documentedOperationsAreExactlyTheRegisteredRoutes() throws Exception {
        JsonNode doc =
                json.readTree(new GatewayHttp(gateway::port).get("/openapi.json", null).body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        Set<String> fromReadApi = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
                    ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String route = op.getKey().toUpperCase() + " " + path.getKey();
                documented.add(route);
                if ("read-api".equals(op.getValue().path("x-provided-by").asText())) {
                    fromReadApi.add(route);
                }
            }
        }
        Set<String> registered = new TreeSet<>();
        gateway.app().unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(e -> e.getEndpoint())
                .filter(e -> e.getMethod().isHttpMethod() && e.getMethod() != HandlerType.HEAD)
                // The dashboard's own pages (served when a built dashboard exists) are not API.
                .filter(e -> !DashboardFiles.PAGE_ROUTES.contains(e.getPath()))
                .forEach(e -> registered.add(e.getMethod().name() + " " + e.getPath()));

        assertThat(registered)
                .as("registered routes missing from openapi.json")
                .isSubsetOf(documented);
        assertThat(documented)
                .as("documented routes that are not registered")
                .isSubsetOf(registered);
        assertThat(fromReadApi).hasSize(8);
    }
}
