package io.sessionledger.command.it;

import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running command side (the machine's PostgreSQL, the in-process broker) shared by the admin API
 * tests: the subclasses add nothing to the configuration, so Spring starts it once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AdminApiContext {

    static final String ADMIN_KEY = "test-admin-key";
    private static final String DATABASE = TestPostgres.createDatabase("ledger_cmd_admin");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("ledger.kafka.bootstrap-servers", TestKafka::bootstrap);
        registry.add("ledger.admin-key", () -> ADMIN_KEY);
    }

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://127.0.0.1:" + port);
    }

    Http.Response admin(String method, String path, String body) {
        return as(ADMIN_KEY, method, path, body);
    }

    Http.Response as(String apiKey, String method, String path, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("x-api-key", apiKey));
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        return http.send(method, path, body, headers);
    }

    /** Issues a key with the given request body and returns the whole answer. */
    Http.Response issue(String body) {
        Http.Response issued = admin("POST", "/ledger/v1/api-keys", body);
        assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
        return issued;
    }

    String keyOf(String tenant) {
        return issue("{\"tenantId\":\"" + tenant + "\",\"name\":\"it\"}").body().get("key").asText();
    }
}
