package io.sessionledger.command.it;

import io.sessionledger.testsupport.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running command side (the machine's PostgreSQL, the in-process broker) shared by the admin API
 * tests: the subclasses add nothing to the configuration, so Spring starts it once for all of them.
 */
abstract class AdminApiContext extends RunningCommandSide {

    private static final String DATABASE = TestPostgres.createDatabase("ledger_cmd_admin");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, DATABASE);
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
