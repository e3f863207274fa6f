package io.fleetflow.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.TestGateway;
import io.fleetflow.gateway.auth.ApiKeyRole;
import io.fleetflow.gateway.auth.ApiKeyStore;
import io.fleetflow.gateway.http.GatewayHttp;
import io.fleetflow.testing.TestQueue;
import io.fleetflow.testing.TestServices;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Randomly damaged bodies over real HTTP: never a 5xx, and a refused body leaves no row and no
 * message behind. (A damaged body can still be a valid trip; then it is stored like any other.)
 */
class IngestFuzzITCase {

    private static final TestQueue QUEUE = new TestQueue();
    private static HikariDataSource db;
    private static Gateway gateway;
    private static GatewayHttp http;
    private static String deviceKey;

    @BeforeContainer
    static void start() throws Exception {
        db = TestServices.dataSource();
        QUEUE.beforeEach(null);
        gateway = Gateway.start(TestGateway.local(QUEUE.name()).withAuth(true));
        deviceKey = new ApiKeyStore(db).create(ApiKeyRole.DEVICE, "fuzz").secret();
        http = new GatewayHttp(gateway::port);
    }

    @AfterContainer
    static void stop() throws Exception {
        gateway.close();
        QUEUE.afterEach(null);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE telemetry.trip_logs, telemetry.api_keys CASCADE");
        }
        db.close();
    }

    @Property(tries = 400)
    void damagedBodiesAreNever5xxAndRefusedOnesLeaveNothing(@ForAll("bodies") byte[] body)
            throws Exception {
        long rowsBefore = rows();
        long messagesBefore = QUEUE.messageCount();

        HttpResponse<String> response =
                http.send(
                        http.request("/api/v1/telemetry")
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + deviceKey)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build());

        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (response.statusCode() == 202) {
            // Ids are published after the answer: let it land before the next try counts.
            await().atMost(Duration.ofSeconds(10)).until(() -> count("published_at IS NULL") == 0);
        } else {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("\tat ");
            assertThat(rows()).isEqualTo(rowsBefore);
            assertThat(QUEUE.messageCount()).isEqualTo(messagesBefore);
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Mutations.mutatedBodies();
    }

    private static long rows() throws Exception {
        return count("true");
    }

    private static long count(String where) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM telemetry.trip_logs WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
