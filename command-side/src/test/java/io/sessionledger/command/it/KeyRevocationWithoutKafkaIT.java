package io.sessionledger.command.it;

import io.sessionledger.testsupport.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The database is the truth: without Kafka a revocation still holds, and the answer says it is pending. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyRevocationWithoutKafkaIT {

    private static final String DATABASE = TestPostgres.createDatabase("ledger_cmd_nokafka");
    private static final String NO_BROKER = "127.0.0.1:" + unusedPort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, DATABASE, () -> NO_BROKER);
        registry.add("ledger.consistency.publish-timeout", () -> "500ms");
    }

    @LocalServerPort
    int port;

    @Test
    void aRevocationKafkaDoesNotAcknowledgeHoldsAndIsMarkedPending() {
        Http http = new Http("http://127.0.0.1:" + port);
        Map<String, String> admin = Map.of("x-api-key", AdminApiContext.ADMIN_KEY, "content-type", "application/json");
        JsonNode issued = http.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"x\"}", admin).body();
        Map<String, String> tenant = Map.of("x-api-key", issued.get("key").asText());
        assertThat(http.send("GET", "/internal/v1/principal", null, tenant).status()).isEqualTo(200);

        Http.Response revoked = http.send("DELETE", "/ledger/v1/api-keys/" + issued.get("id").asText(), null, admin);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(revoked.header("x-ledger-consistency")).isEqualTo("pending");
        assertThat(http.send("GET", "/internal/v1/principal", null, tenant).status()).isEqualTo(401);
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
