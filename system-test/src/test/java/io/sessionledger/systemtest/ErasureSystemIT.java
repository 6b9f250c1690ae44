package io.sessionledger.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.deploy.RunningSystem;
import io.sessionledger.systemtest.LedgerClient.Reply;
import io.sessionledger.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Erasure end to end through the edge and the Kafka topic: personal data is readable through the APIs while the
 * subject exists, never in clear in the store or on the topic, and gone from every read once erased, with a
 * {@code PersonalDataErased} record for the topic's consumers and the session's chain still valid.
 */
class ErasureSystemIT {

    private static final String TOPIC = "session-events";

    @Test
    void anErasedCustomerIsGoneFromEveryReadAndTheTopicNeverHeldItInClear() throws Exception {
        RunningSystem system = SharedLedger.system();
        LedgerClient client = new LedgerClient(system.baseUrl());
        String key = client.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"erasure\"}",
                "x-api-key", system.adminKey()).body().path("key").asText();
        String customer = "customer-" + UUID.randomUUID();
        String visit = "visit-" + UUID.randomUUID();
        Reply created = client.send("PUT", "/gks-server/v1/sessions/new", "{\"visitId\":\"" + visit + "\"}",
                "x-api-key", key, "gkc_customerId", customer, "gkc_agentId", "agent-7");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String sessionId = created.body().path("sessionId").asText();

        Reply read = client.send("GET", "/gks-server/v1/sessions/" + sessionId, null, "x-api-key", key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw()).as("the query side opens sealed data for the subject's own tenant")
                .contains(customer).contains(visit);
        assertThat(SharedLedger.query("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') "
                + "like '%" + customer + "%'")).isZero();

        Reply erased = client.send("POST", "/ledger/v1/subjects/" + customer + "/erase", null, "x-api-key", key);
        assertThat(erased.status()).as(erased.raw()).isEqualTo(200);
        assertThat(erased.body().path("status").asText()).isEqualTo("erased");

        Reply after = client.send("GET", "/gks-server/v1/sessions/" + sessionId, null, "x-api-key", key);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.raw()).doesNotContain(customer).doesNotContain(visit).doesNotContain("agent-7");
        assertThat(SharedLedger.query("select count(*) from session_info where session_id = '" + sessionId
                + "' and (customer_id is not null or visit_id is not null or agent_id is not null)")).isZero();

        String aggregate = "acme:" + sessionId;
        List<TopicReader.Read> records = TopicReader.readUntil(system.kafkaBootstrap(), TOPIC,
                all -> all.stream().anyMatch(r -> aggregate.equals(r.key())
                        && r.value().contains("session.personal-data-erased")), Duration.ofSeconds(30));
        List<String> ours = records.stream().filter(r -> aggregate.equals(r.key())).map(TopicReader.Read::value)
                .toList();
        assertThat(ours).isNotEmpty().noneMatch(value -> value.contains(customer) || value.contains(visit)
                || value.contains("agent-7"));

        Reply verified = client.send("GET", "/ledger/v1/sessions/" + sessionId + "/verify", null, "x-api-key", key);
        assertThat(verified.body().path("valid").asBoolean()).as(verified.raw()).isTrue();
        Reply again = client.send("POST", "/ledger/v1/subjects/" + customer + "/erase", null, "x-api-key", key);
        assertThat(again.body().path("status").asText()).isEqualTo("already_erased");
    }

    @Test
    void aVectaraSessionIsErasedByItsAgentAndKeyAndAKoreUserByTheirReference() throws Exception {
        RunningSystem system = SharedLedger.system();
        LedgerClient client = new LedgerClient(system.baseUrl());
        String admin = system.adminKey();
        String key = client.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"erasure-2\"}",
                "x-api-key", admin).body().path("key").asText();
        assertThat(client.send("PUT", "/ledger/v1/agents/erasure-bot", "{\"tenantId\":\"acme\",\"name\":\"bot\"}",
                "x-api-key", admin).status()).isIn(200, 201);
        String sessionKey = "k-" + UUID.randomUUID();
        Reply created = client.send("POST", "/v2/agents/erasure-bot/sessions", "{\"key\":\"" + sessionKey
                + "\",\"name\":\"Ann Smith\",\"metadata\":{\"phone\":\"+44 20 7946 0000\"}}", "x-api-key", key);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        Reply erased = client.send("POST", "/ledger/v1/subjects/vectara:erasure-bot:" + sessionKey + "/erase", null,
                "x-api-key", key);
        assertThat(erased.status()).as(erased.raw()).isEqualTo(200);
        Reply read = client.send("GET", "/v2/agents/erasure-bot/sessions/" + sessionKey, null, "x-api-key", key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw()).doesNotContain("Ann Smith").doesNotContain("7946");

        assertThat(client.send("PUT", "/ledger/v1/apps/erasure-app/environments/prod", "{\"tenantId\":\"acme\"}",
                "x-api-key", admin).status()).isIn(200, 201);
        String user = "usr_" + UUID.randomUUID().toString().substring(0, 8);
        Reply kore = client.send("POST", "/api/v2/apps/erasure-app/environments/prod/sessions",
                "{\"sessionIdentity\":[{\"type\":\"userReference\",\"value\":\"" + user + "\"}]}", "x-api-key", key);
        assertThat(kore.status()).as(kore.raw()).isIn(200, 201);
        assertThat(client.send("POST", "/ledger/v1/subjects/" + user + "/erase", null, "x-api-key", key).status())
                .isEqualTo(200);
        Reply listed = client.send("POST", "/api/v2/apps/erasure-app/environments/prod/sessions/list",
                "{\"offset\":0,\"limit\":20}", "x-api-key", key);
        assertThat(listed.raw()).doesNotContain(user);
    }
}
