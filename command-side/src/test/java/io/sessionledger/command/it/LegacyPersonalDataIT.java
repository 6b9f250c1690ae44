package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.command.audit.LegacyChains;
import io.sessionledger.command.privacy.LegacyPersonalData;
import io.sessionledger.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events an earlier version stored with personal data in clear (and a unique-key row hashed without the secret)
 * are sealed once at start; the chain and the log are rebuilt over the rewritten events and verify, and the
 * data opens again for its tenant. Its own database: the migration rebuilds the whole log.
 */
class LegacyPersonalDataIT extends RunningCommandSide {

    private static final String DATABASE = TestPostgres.createDatabase("ledger_cmd_legacy");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    LegacyPersonalData migration;
    @Autowired
    LegacyChains chains;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, DATABASE);
    }

    @Test
    void clearEventsOfAnEarlierVersionAreSealedAndTheLogIsRebuiltOverThem() throws Exception {
        String key = http.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"legacy\"}",
                Map.of("x-api-key", ADMIN_KEY, "content-type", "application/json")).body().get("key").asText();
        String id = "legacy-" + UUID.randomUUID();
        String created = "{\"tenantId\":\"acme\",\"sessionId\":\"" + id + "\",\"scope\":{},\"parties\":{\"agentId\":"
                + "\"agent-7\",\"customerId\":\"old-customer\"},\"keys\":{\"visitId\":\"old-visit\"},\"details\":{},"
                + "\"status\":\"IDLE\",\"subjectId\":\"old-customer\"}";
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload, meta_data) values (?, ?, 0, 'Session', '2026-01-01T10:00:00Z', "
                + "'io.sessionledger.events.session.SessionCreated', ?, ?)", UUID.randomUUID().toString(),
                "acme:" + id, created.getBytes(StandardCharsets.UTF_8),
                "{\"tenantId\":\"acme\",\"dialect\":\"genesys-v1\"}".getBytes(StandardCharsets.UTF_8));
        jdbc.update("insert into unique_key (key_hash, kind, aggregate_id, claimed_at) values (?, 'VISIT_ID', ?, now())",
                new io.sessionledger.command.uniqueness.UniqueKey(io.sessionledger.command.uniqueness.UniqueKey.Kind.VISIT_ID,
                        "acme", "old-visit").hash(), "acme:" + id);
        jdbc.update("delete from personal_data_migration");

        assertThat(migration.migrate()).isTrue();
        chains.afterSingletonsInstantiated();

        String stored = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ?", String.class, "acme:" + id);
        assertThat(stored).doesNotContain("old-customer").doesNotContain("old-visit").doesNotContain("agent-7");
        assertThat(JSON.readTree(stored).get("subjectId").asText()).matches("sub:[0-9a-f]{64}");
        assertThat(jdbc.queryForObject("select count(*) from event_hash", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(jdbc.queryForObject("select size from ledger_log where id = 1", Long.class));
        JsonNode verified = http.send("GET", "/ledger/v1/sessions/" + id + "/verify", null, Map.of("x-api-key", key))
                .body();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();

        // The visit id's claim still holds (keyed in place), and the customer can be erased by its id.
        Http.Response taken = http.send("PUT", "/gks-server/v1/sessions/new", "{\"visitId\":\"old-visit\"}",
                Map.of("x-api-key", key, "content-type", "application/json"));
        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(400);
        Http.Response erased = http.send("POST", "/ledger/v1/subjects/old-customer/erase", null,
                Map.of("x-api-key", key));
        assertThat(erased.status()).as(erased.raw().body()).isEqualTo(200);
        assertThat(erased.body().get("events").asInt()).isEqualTo(1);

        assertThat(migration.migrate()).as("once only").isFalse();
    }
}
