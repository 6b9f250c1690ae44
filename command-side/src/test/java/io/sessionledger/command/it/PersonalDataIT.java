package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding end to end on the command side: what is stored and published holds personal data only sealed,
 * the audit scope opens it, and an erasure makes it unreadable everywhere while the chain still verifies.
 */
class PersonalDataIT extends AuditContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void personalDataIsStoredAndPublishedOnlySealedAndTheSubjectOnlyAsAKeyedHash() throws Exception {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);

        List<String> payloads = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", String.class, "acme:" + id);
        assertThat(payloads).hasSize(4);
        for (String payload : payloads) {
            assertThat(payload).doesNotContain("c-" + id).doesNotContain("v-" + id).doesNotContain("a-1");
        }
        JsonNode associated = JSON.readTree(payloads.get(1));
        assertThat(associated.get("customerId").asText()).startsWith("enc:v1:");
        assertThat(associated.get("subjectId").asText()).matches("sub:[0-9a-f]{64}");
        assertThat(jdbc.queryForObject("select count(*) from subject_session where aggregate_id = ?", Integer.class,
                "acme:" + id)).isEqualTo(1);
        assertThat(jdbc.queryForList("select key_hash from unique_key where aggregate_id = ?", String.class,
                "acme:" + id)).hasSize(1).noneMatch(hash -> hash.equals(
                        new io.sessionledger.command.uniqueness.UniqueKey(
                                io.sessionledger.command.uniqueness.UniqueKey.Kind.VISIT_ID, "acme", "v-" + id).hash()));

        List<TopicReader.Read> records = TopicReader.readUntil(TestKafka.bootstrap(), "session-events",
                read -> read.stream().filter(r -> r.key().equals("acme:" + id)).count() >= 4, Duration.ofSeconds(30));
        List<TopicReader.Read> ours = records.stream().filter(r -> r.key().equals("acme:" + id)).toList();
        for (int i = 0; i < 4; i++) {
            assertThat(ours.get(i).value()).doesNotContain("c-" + id).doesNotContain("v-" + id);
            assertThat(JSON.readTree(ours.get(i).value()).get("data")).isEqualTo(JSON.readTree(payloads.get(i)));
        }

        Http.Response opened = as(key, "POST", "/ledger/v1/personal-data/decrypt",
                "{\"field\":\"customerId\",\"values\":[\"" + associated.get("customerId").asText() + "\"]}");
        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(200);
        assertThat(opened.body().get("values").get(0).asText()).isEqualTo("c-" + id);
        Http.Response otherTenant = as(keyOf("globex"), "POST", "/ledger/v1/personal-data/decrypt",
                "{\"field\":\"customerId\",\"values\":[\"" + associated.get("customerId").asText() + "\"]}");
        assertThat(otherTenant.body().get("values").get(0).isNull()).isTrue();
    }

    @Test
    void erasingASubjectMakesItsDataUnreadableEverywhereAndTheChainStillVerifies() throws Exception {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        String customer = "c-" + id;
        String sealed = JSON.readTree(jdbc.queryForObject("select convert_from(payload, 'UTF8') from "
                + "domain_event_entry where aggregate_identifier = ? and sequence_number = 1", String.class,
                "acme:" + id)).get("customerId").asText();

        Http.Response erased = as(key, "POST", "/ledger/v1/subjects/" + customer + "/erase", null);

        assertThat(erased.status()).as(erased.raw().body()).isEqualTo(200);
        assertThat(erased.body().get("status").asText()).isEqualTo("erased");
        assertThat(erased.body().get("sessions").asInt()).isEqualTo(1);
        assertThat(erased.body().get("events").asInt()).isEqualTo(1);
        assertThat(erased.body().get("keysDestroyed").asInt()).isGreaterThanOrEqualTo(1);

        JsonNode events = history(key, id);
        assertThat(events).hasSize(5);
        assertThat(events.get(4).get("type").asText()).isEqualTo("PersonalDataErased");
        assertThat(events.get(4).path("data").path("subjectId").asText()).matches("sub:[0-9a-f]{64}");
        assertThat(events.toString()).doesNotContain(customer);
        assertThat(verify(key, id).get("valid").asBoolean()).isTrue();

        Http.Response opened = as(key, "POST", "/ledger/v1/personal-data/decrypt",
                "{\"field\":\"customerId\",\"values\":[\"" + sealed + "\"]}");
        assertThat(opened.body().get("values").get(0).isNull()).isTrue();
        Http.Response past = as(key, "GET", "/ledger/v1/sessions/" + id + "?asOf="
                + events.get(3).get("occurredAt").asText(), null);
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.raw().body()).doesNotContain(customer).doesNotContain("v-" + id);
        assertThat(jdbc.queryForObject("select count(*) from subject_key k join subject_session s "
                + "on s.subject_ref = k.subject_ref where s.aggregate_id = ?", Integer.class, "acme:" + id)).isZero();

        List<TopicReader.Read> records = TopicReader.readUntil(TestKafka.bootstrap(), "session-events",
                read -> read.stream().anyMatch(r -> r.key().equals("acme:" + id)
                        && r.value().contains("session.personal-data-erased")), Duration.ofSeconds(30));
        assertThat(records.stream().filter(r -> r.key().equals("acme:" + id)).map(TopicReader.Read::value))
                .noneMatch(value -> value.contains(customer));

        Http.Response again = as(key, "POST", "/ledger/v1/subjects/" + customer + "/erase", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("status").asText()).isEqualTo("already_erased");
        assertThat(again.body().get("events").asInt()).isZero();
        assertThat(history(key, id)).hasSize(5);

        // The customer comes back: new data, under a new key, readable again until the next erasure.
        genesys(key, id, null, Map.of("gkc_customerId", customer));
        assertThat(history(key, id)).hasSize(6);
        assertThat(verify(key, id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aSessionNobodyIsNamedInIsItsOwnSubject() {
        String key = keyOf("acme");
        String id = "anon-" + UUID.randomUUID();
        genesys(key, id, null, Map.of("gkc_agentId", "agent-" + id));

        Http.Response erased = as(key, "POST", "/ledger/v1/subjects/session:" + id + "/erase", null);

        assertThat(erased.status()).as(erased.raw().body()).isEqualTo(200);
        assertThat(erased.body().get("events").asInt()).isEqualTo(1);
        String stored = String.join("\n", jdbc.queryForList("select convert_from(payload, 'UTF8') from "
                + "domain_event_entry where aggregate_identifier = ?", String.class, "acme:" + id));
        assertThat(stored).doesNotContain("agent-" + id);
    }

    @Test
    void anUnknownSubjectIsAClearAnswerAndTheEraseScopeIsRequired() {
        String key = keyOf("acme");
        Http.Response unknown = as(key, "POST", "/ledger/v1/subjects/nobody-" + UUID.randomUUID() + "/erase", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("not_found");
        assertThat(unknown.raw().body()).contains("nothing to erase");

        String auditOnly = issue("{\"tenantId\":\"acme\",\"name\":\"auditor\",\"scopes\":[\"audit\"]}")
                .body().get("key").asText();
        Http.Response refused = as(auditOnly, "POST", "/ledger/v1/subjects/anyone/erase", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.raw().body()).contains("'erase' scope");

        Http.Response admin = admin("POST", "/ledger/v1/subjects/anyone/erase", null);
        assertThat(admin.status()).isEqualTo(400);
        assertThat(new String(admin.raw().body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contains("tenantId");
    }
}
