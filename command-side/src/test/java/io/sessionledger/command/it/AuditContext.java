package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sessions with a few events each, written through the Genesys API, and the database to tamper with. */
abstract class AuditContext extends AdminApiContext {

    @Autowired
    JdbcTemplate jdbc;

    /** Creates a session with four events: created, customer, agent, visit. */
    String sessionWithFourEvents(String key) {
        String id = "audit-" + UUID.randomUUID();
        genesys(key, id, null, Map.of());
        genesys(key, id, null, Map.of("gkc_customerId", "c-" + id));
        pause();
        genesys(key, id, null, Map.of("gkc_customerId", "c-" + id, "gkc_agentId", "a-1"));
        pause();
        genesys(key, id, "{\"visitId\":\"v-" + id + "\"}", Map.of("gkc_customerId", "c-" + id));
        return id;
    }

    void genesys(String key, String id, String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("x-api-key", key);
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        Http.Response response = http.send("POST", "/gks-server/v1/sessions/" + id, body, headers);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    }

    JsonNode history(String key, String id) {
        Http.Response response = as(key, "GET", "/ledger/v1/sessions/" + id + "/events", null);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.body().get("events");
    }

    JsonNode verify(String key, String id) {
        Http.Response response = as(key, "GET", "/ledger/v1/sessions/" + id + "/verify", null);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.body();
    }

    /** Events of one session a millisecond apart at least, so that as-of can fall between them. */
    static void pause() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
