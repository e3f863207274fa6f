package io.fleetflow.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.auth.ApiKeyRole;
import io.fleetflow.gateway.auth.ApiKeyStore;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.testing.TelemetryDatabase;
import io.fleetflow.testing.TestQueue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry over real HTTP against the real PostgreSQL, authentication on: create, update, read,
 * every validation error named and nothing stored, who may write, the CSV import all or nothing,
 * the audit rows, and the read API showing the names.
 */
class RegistryApiITCase {

    @RegisterExtension static final TelemetryDatabase DB = new TelemetryDatabase();
    @RegisterExtension final TestQueue queue = new TestQueue();

    private static final String V1 = "3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10";
    private static final String D1 = "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private final ObjectMapper json = new ObjectMapper();
    private Gateway gateway;
    private GatewayHttp http;
    private String operator;
    private String device;

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(TestGateway.authenticated(queue.name()));
        http = new GatewayHttp(gateway::port);
        operator = gateway.devCredentials().orElseThrow().operatorToken();
        device = gateway.devCredentials().orElseThrow().deviceKey();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void putCreatesThenUpdatesAndGetReadsTheStoredVehicleWithItsAudit() throws Exception {
        HttpResponse<String> created =
                put("/api/v1/vehicles/" + V1, "{\"name\":\"  Van 12 \",\"vehicle_class\":\"van\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode v = json.readTree(created.body());
        assertThat(v.get("vehicle_id").asText()).isEqualTo(V1);
        assertThat(v.get("name").asText()).isEqualTo("Van 12");
        assertThat(v.get("vehicle_class").asText()).isEqualTo("van");
        assertThat(v.get("active").asBoolean()).isTrue();
        assertThat(v.get("updated_by").asText()).startsWith("dev operator token");
        assertThat(json.readTree(get("/api/v1/vehicles/" + V1, operator).body())).isEqualTo(v);

        JsonNode updated =
                json.readTree(
                        put(
                                        "/api/v1/vehicles/" + V1,
                                        "{\"name\":\"Truck 12\",\"vehicle_class\":\"heavy_truck\","
                                                + "\"active\":false}")
                                .body());
        assertThat(updated.get("vehicle_class").asText()).isEqualTo("heavy_truck");
        assertThat(updated.get("active").asBoolean()).isFalse();
        assertThat(updated.get("created_at")).isEqualTo(v.get("created_at"));
        // The same again changes nothing and records nothing.
        JsonNode again =
                json.readTree(
                        put(
                                        "/api/v1/vehicles/" + V1,
                                        "{\"name\":\"Truck 12\",\"vehicle_class\":\"heavy_truck\","
                                                + "\"active\":false}")
                                .body());
        assertThat(again).isEqualTo(updated);

        JsonNode audit =
                json.readTree(
                                get("/api/v1/registry/audit?entity=vehicle&id=" + V1, operator)
                                        .body())
                        .get("items");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).get("old_value").get("vehicle_class").asText()).isEqualTo("van");
        assertThat(audit.get(0).get("new_value").get("vehicle_class").asText())
                .isEqualTo("heavy_truck");
        assertThat(audit.get(0).get("changed_by").asText()).startsWith("dev operator token");
        assertThat(audit.get(1).get("old_value").isNull()).isTrue();
        assertThat(audit.get(1).get("new_value").get("name").asText()).isEqualTo("Van 12");
        assertThat(DB.count("SELECT count(*) FROM telemetry.registry_audit")).isEqualTo(2);
        assertThat(json.readTree(get("/api/v1/registry/vehicles", operator).body()).get("items"))
                .hasSize(1);
    }

    @Test
    void aRegisteredDriverIsReadOnTheDriversPathEvenBeforeItsFirstTrip() throws Exception {
        HttpResponse<String> created =
                put("/api/v1/drivers/" + D1, "{\"name\":\"Ada\",\"external_ref\":\"P-1815\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json.readTree(created.body()).get("external_ref").asText()).isEqualTo("P-1815");

        JsonNode detail = json.readTree(get("/api/v1/drivers/" + D1, operator).body());
        assertThat(detail.get("driver_name").asText()).isEqualTo("Ada");
        assertThat(detail.get("external_ref").asText()).isEqualTo("P-1815");
        assertThat(detail.get("active").asBoolean()).isTrue();
        assertThat(detail.get("trips").asLong()).isZero();

        JsonNode cleared = json.readTree(put("/api/v1/drivers/" + D1, "{\"name\":\"Ada\"}").body());
        assertThat(cleared.get("external_ref").isNull()).isTrue();
        assertThat(json.readTree(get("/api/v1/registry/drivers", operator).body()).get("items"))
                .hasSize(1);
    }

    @Test
    void unknownIdsAre404AndMalformedIds400() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/vehicles/" + UUID.randomUUID(), operator);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(get("/api/v1/drivers/" + UUID.randomUUID(), operator).statusCode())
                .isEqualTo(404);
        assertThat(pointers(get("/api/v1/vehicles/1-2-3-4-5", operator)))
                .containsExactly("/path/vehicleId");
    }

    @Test
    void everyBadFieldIsNamedInOneProblemAndNothingIsStored() throws Exception {
        assertThat(
                        pointers(
                                put(
                                        "/api/v1/vehicles/not-a-uuid",
                                        "{\"name\":\"  \",\"vehicle_class\":\"tank\",\"colour\":\"red\","
                                                + "\"active\":\"yes\"}")))
                .containsExactlyInAnyOrder(
                        "/path/vehicleId", "/colour", "/active", "/name", "/vehicle_class");
        assertThat(pointers(put("/api/v1/vehicles/" + V1, "{\"vehicle_class\":\"car\"}")))
                .containsExactly("/name");
        assertThat(pointers(put("/api/v1/vehicles/" + V1, "{\"name\":\"x\"}")))
                .containsExactly("/vehicle_class");
        assertThat(
                        pointers(
                                put(
                                        "/api/v1/vehicles/" + V1,
                                        "{\"name\":\""
                                                + "x".repeat(201)
                                                + "\",\"vehicle_class\":1}")))
                .containsExactly("/vehicle_class", "/name");
        assertThat(
                        pointers(
                                put(
                                        "/api/v1/drivers/" + D1,
                                        "{\"name\":7,\"external_ref\":\""
                                                + "r".repeat(101)
                                                + "\"}")))
                .containsExactly("/name", "/external_ref");
        assertThat(pointers(put("/api/v1/drivers/" + D1, "[1]"))).containsExactly("");
        HttpResponse<String> malformed = put("/api/v1/drivers/" + D1, "{\"name\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("type").asText())
                .isEqualTo("/problems/malformed-json");
        HttpResponse<String> text =
                http.send(
                        http.request("/api/v1/drivers/" + D1)
                                .header("Authorization", "Bearer " + operator)
                                .header("Content-Type", "text/plain")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))
                                .build());
        assertThat(text.statusCode()).isEqualTo(415);
        HttpResponse<String> huge =
                put("/api/v1/drivers/" + D1, "{\"name\":\"" + "x".repeat(20_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);

        assertNothingStored();
    }

    @Test
    void writesNeedAnOperatorTokenWhileViewersMayRead() throws Exception {
        String viewer =
                new ApiKeyStore(DB.dataSource()).create(ApiKeyRole.VIEWER, "wall screen").secret();
        String body = "{\"name\":\"Van\",\"vehicle_class\":\"van\"}";

        HttpResponse<String> byDevice = put("/api/v1/vehicles/" + V1, body, device);
        HttpResponse<String> byViewer = put("/api/v1/vehicles/" + V1, body, viewer);
        HttpResponse<String> importByViewer =
                csv("/api/v1/drivers/import", "driver_id,name\n" + D1 + ",Ada\n", viewer);

        assertThat(byDevice.statusCode()).isEqualTo(403);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(json.readTree(byViewer.body()).get("detail").asText())
                .contains("operator token");
        assertThat(importByViewer.statusCode()).isEqualTo(403);
        assertThat(put("/api/v1/vehicles/" + V1, body, null).statusCode()).isEqualTo(401);
        assertNothingStored();

        assertThat(put("/api/v1/vehicles/" + V1, body, operator).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/vehicles/" + V1, viewer).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/trips", viewer).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/vehicles/" + V1, device).statusCode()).isEqualTo(403);
        assertThat(http.postTrip(GatewayHttp.EXAMPLE, viewer).statusCode()).isEqualTo(403);
    }

    @Test
    void csvImportIsAllOrNothingAndNamesEveryBadRow() throws Exception {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();
        String bad =
                "vehicle_id,name,vehicle_class,active\n"
                        + a
                        + ",Van 1,van,true\n"
                        + b
                        + ",Truck 2,tank,true\n"
                        + c
                        + ",\"Bus, the big one\",bus,\n"
                        + "nope,Car 4,car,false\n";

        HttpResponse<String> refused = csv("/api/v1/vehicles/import", bad, operator);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("type").asText())
                .isEqualTo("/problems/invalid-csv");
        assertThat(pointers(refused))
                .containsExactly("/rows/3/vehicle_class", "/rows/5/vehicle_id");
        assertNothingStored();

        String good =
                "vehicle_id,name,vehicle_class,active\r\n"
                        + a
                        + ",Van 1,van,true\r\n"
                        + b
                        + ",Truck 2,heavy_truck,true\r\n"
                        + c
                        + ",\"Bus, the big one\",bus,\r\n";
        JsonNode first = json.readTree(csv("/api/v1/vehicles/import", good, operator).body());
        assertThat(first.get("created").asInt()).isEqualTo(3);
        assertThat(first.get("updated").asInt()).isZero();

        JsonNode second =
                json.readTree(
                        csv("/api/v1/vehicles/import", good.replace("Van 1", "Van One"), operator)
                                .body());
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isEqualTo(1);
        assertThat(second.get("unchanged").asInt()).isEqualTo(2);
        assertThat(
                        json.readTree(get("/api/v1/vehicles/" + c, operator).body())
                                .get("name")
                                .asText())
                .isEqualTo("Bus, the big one");
        assertThat(DB.count("SELECT count(*) FROM telemetry.registry_audit")).isEqualTo(4);
        assertThat(DB.count("SELECT count(DISTINCT changed_at) FROM telemetry.registry_audit"))
                .as("one transaction per import")
                .isEqualTo(2);
    }

    @Test
    void driverCsvRejectsDuplicateIdsAndUnknownColumns() throws Exception {
        UUID a = UUID.randomUUID();
        HttpResponse<String> duplicate =
                csv(
                        "/api/v1/drivers/import",
                        "driver_id,name,external_ref\n" + a + ",Ada,P1\n" + a + ",Ada again,\n",
                        operator);
        assertThat(pointers(duplicate)).containsExactly("/rows/3/driver_id");

        assertThat(pointers(csv("/api/v1/drivers/import", "driver_id,name,age\n", operator)))
                .containsExactly("/rows/1/age");
        HttpResponse<String> json =
                http.send(
                        http.request("/api/v1/drivers/import")
                                .header("Authorization", "Bearer " + operator)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build());
        assertThat(json.statusCode()).isEqualTo(415);
        assertNothingStored();

        JsonNode imported =
                this.json.readTree(
                        csv("/api/v1/drivers/import", "name,driver_id\nAda," + a + "\n", operator)
                                .body());
        assertThat(imported.get("created").asInt()).isEqualTo(1);
    }

    @Test
    void concurrentWritersOfOneIdLeaveAnAuditChainWithOneCreation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> puts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String body = "{\"name\":\"Van " + i + "\",\"vehicle_class\":\"van\"}";
                puts.add(pool.submit(() -> put("/api/v1/vehicles/" + V1, body).statusCode()));
            }
            for (Future<Integer> p : puts) {
                assertThat(p.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonNode> audit = new ArrayList<>();
        json.readTree(get("/api/v1/registry/audit?entity=vehicle&id=" + V1, operator).body())
                .get("items")
                .forEach(audit::add);
        assertThat(audit).hasSize(16);
        assertThat(audit.get(15).get("old_value").isNull())
                .as("the first change created it")
                .isTrue();
        for (int i = 0; i < 15; i++) {
            // Newest first: each change replaced exactly what the one before it stored.
            assertThat(audit.get(i).get("old_value").get("name"))
                    .isEqualTo(audit.get(i + 1).get("new_value").get("name"));
        }
        assertThat(json.readTree(get("/api/v1/vehicles/" + V1, operator).body()).get("name"))
                .isEqualTo(audit.get(0).get("new_value").get("name"));
    }

    @Test
    void theAuditQueryIsCheckedAndViewersMayReadIt() throws Exception {
        String viewer =
                new ApiKeyStore(DB.dataSource()).create(ApiKeyRole.VIEWER, "auditor").secret();
        put("/api/v1/drivers/" + D1, "{\"name\":\"Ada\"}");

        JsonNode all = json.readTree(get("/api/v1/registry/audit", viewer).body()).get("items");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("entity").asText()).isEqualTo("driver");
        assertThat(
                        json.readTree(get("/api/v1/registry/audit?entity=vehicle", viewer).body())
                                .get("items"))
                .isEmpty();
        assertThat(pointers(get("/api/v1/registry/audit?id=" + D1, viewer)))
                .containsExactly("/query/entity");
        assertThat(pointers(get("/api/v1/registry/audit?entity=tank&id=x&limit=0", viewer)))
                .containsExactly("/query/entity", "/query/id", "/query/limit");
    }

    @Test
    void tripsFromRegisteredAndUnknownVehiclesShowNamesOrUnregistered() throws Exception {
        put("/api/v1/vehicles/" + V1, "{\"name\":\"Truck 7\",\"vehicle_class\":\"heavy_truck\"}");
        put("/api/v1/drivers/" + D1, "{\"name\":\"Grace\"}");
        assertThat(http.postTrip(GatewayHttp.EXAMPLE, device).statusCode()).isEqualTo(202);
        String unknownTrip =
                GatewayHttp.EXAMPLE
                        .replace(V1, UUID.randomUUID().toString())
                        .replace(D1, UUID.randomUUID().toString());
        assertThat(http.postTrip(unknownTrip, device).statusCode()).isEqualTo(202);

        List<JsonNode> trips = new ArrayList<>();
        json.readTree(get("/api/v1/trips", operator).body()).get("items").forEach(trips::add);

        assertThat(trips).hasSize(2);
        JsonNode known =
                trips.stream()
                        .filter(t -> t.get("vehicle_id").asText().equals(V1))
                        .findFirst()
                        .get();
        JsonNode unknown =
                trips.stream()
                        .filter(t -> !t.get("vehicle_id").asText().equals(V1))
                        .findFirst()
                        .get();
        assertThat(known.get("vehicle_name").asText()).isEqualTo("Truck 7");
        assertThat(known.get("vehicle_class").asText()).isEqualTo("heavy_truck");
        assertThat(known.get("driver_name").asText()).isEqualTo("Grace");
        assertThat(unknown.get("vehicle_name").isNull()).isTrue();
        assertThat(unknown.get("driver_name").isNull()).isTrue();
        assertThat(unknown.get("vehicle_class").asText()).isEqualTo("car");
        JsonNode vehicles = json.readTree(get("/api/v1/vehicles", operator).body()).get("items");
        assertThat(vehicles).hasSize(2);
        JsonNode drivers = json.readTree(get("/api/v1/drivers", operator).body()).get("items");
        assertThat(drivers.findValuesAsText("driver_name")).contains("Grace");
    }

    private void assertNothingStored() throws Exception {
        assertThat(DB.count("SELECT count(*) FROM telemetry.vehicles")).isZero();
        assertThat(DB.count("SELECT count(*) FROM telemetry.drivers")).isZero();
        assertThat(DB.count("SELECT count(*) FROM telemetry.registry_audit")).isZero();
    }

    private List<String> pointers(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        List<String> pointers = new ArrayList<>();
        json.readTree(response.body())
                .get("errors")
                .forEach(e -> pointers.add(e.get("pointer").asText()));
        return pointers;
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return put(path, body, operator);
    }

    private HttpResponse<String> put(String path, String body, String key) throws Exception {
        HttpRequest.Builder b =
                http.request(path)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build());
    }

    private HttpResponse<String> csv(String path, String body, String key) throws Exception {
        return http.send(
                http.request(path)
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "text/csv; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return http.get(path, key);
    }
}
