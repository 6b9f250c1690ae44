package io.sessionledger.systemtest;

import io.sessionledger.testsupport.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.deploy.RunningSystem;
import io.sessionledger.systemtest.LedgerClient.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole system (SharedLedger: started as run-local.sh starts it, on PostgreSQL), driven over HTTP and Kafka. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemIT {

    private static final String TOPIC = "session-events";
    /** Every session a test created; the topic must carry a session.created for each. */
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    private static RunningSystem system;
    private static LedgerClient client;
    private static String apiKey;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = SharedLedger.system();
        client = new LedgerClient(system.baseUrl());

        Reply issued = client.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"system-test\"}",
                "x-api-key", system.adminKey());
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        assertThat(issued.body().path("id").asText()).isNotBlank();
        apiKey = issued.body().path("key").asText();
        assertThat(apiKey).isNotBlank();
    }

    @Test
    @Order(1)
    void aCreatedSessionIsReadableRightAwayThroughTheQuerySide() throws Exception {
        Reply created = create("agent-1", "customer-1", "v-1");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String sessionId = created.body().path("sessionId").asText();
        assertThat(sessionId).isNotBlank();

        Reply read = client.send("GET", "/gks-server/v1/sessions/" + sessionId, null, "x-api-key", apiKey);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.body().path("agentId").asText()).isEqualTo("agent-1");
        assertThat(read.body().path("customerId").asText()).isEqualTo("customer-1");
        assertThat(read.body().path("visitId").asText()).isEqualTo("v-1");

        Reply v2 = client.send("GET", "/gks-server/v2/sessions/" + sessionId + "?tenantId=acme", null, "x-api-key", apiKey);
        assertThat(v2.status()).as(v2.raw()).isEqualTo(200);
        assertThat(v2.body().at("/response/sessionId").asText()).isEqualTo(sessionId);
        assertThat(v2.body().at("/response/visitId").asText()).isEqualTo("v-1");
    }

    @Test
    @Order(2)
    void associatingADifferentCustomerIsRejected() throws Exception {
        String sessionId = create("agent-2", "customer-2", "v-2").body().path("sessionId").asText();

        Reply other = client.send("POST", "/gks-server/v1/sessions/" + sessionId, "{}",
                "x-api-key", apiKey, "gkc_agentId", "agent-2", "gkc_customerId", "someone-else");

        assertGenesysError(other, 400);
    }

    @Test
    @Order(3)
    void secondCreateWithSameVisitIdIsRejected() throws Exception {
        assertThat(create("agent-3", "customer-3", "v-3").status()).isEqualTo(200);

        assertGenesysError(create("agent-4", "customer-4", "v-3"), 400);
    }

    @Test
    @Order(4)
    void readingAnUnknownIdCreatesAnAnonymousSession() throws Exception {
        Reply read = client.send("GET", "/gks-server/v1/sessions/client-chosen-1", null, "x-api-key", apiKey);

        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.body().path("sessionId").asText()).isEqualTo("client-chosen-1");
        assertThat(read.body().path("anonymous").asBoolean()).isTrue();
        CREATED.add("client-chosen-1");
    }

    @Test
    @Order(5)
    void aRequestWithoutKeyIsUnauthorized() throws Exception {
        Reply reply = client.send("PUT", "/gks-server/v1/sessions/new", "{\"visitId\":\"v-9\"}");

        assertGenesysError(reply, 401);
    }

    @Test
    @Order(5)
    void oneApiDescriptionOnTheBaseUrlCoversEveryApiWithoutAKey() throws Exception {
        Reply docs = client.send("GET", "/v3/api-docs", null);

        assertThat(docs.status()).as(docs.raw()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        assertThat(paths.has("/gks-server/{version}/sessions/new")).as("Genesys writes").isTrue();
        assertThat(paths.has("/gks-server/{version}/sessions/{sessionId}")).as("Genesys reads").isTrue();
        assertThat(paths.has("/api/v2/apps/{appId}/environments/{envName}/sessions/list")).as("Kore list").isTrue();
        assertThat(paths.fieldNames()).toIterable().as("Vectara").anyMatch(path -> path.startsWith("/v2/agents/"));
        assertThat(paths.has("/ledger/v1/api-keys")).as("ledger admin").isTrue();
        assertThat(paths.has("/ledger/v1/projections/session-info")).as("query side's ledger API").isTrue();
        io.sessionledger.testsupport.OpenApiChecks.assertEveryRequestAndErrorHasAnExample(docs.body());
        assertThat(client.send("GET", "/v3/api-docs/swagger-config", null).body().path("url").asText())
                .isEqualTo("/v3/api-docs");
    }

    @Test
    @Order(6)
    void healthIsUpWhenEverythingIs() throws Exception {
        Reply health = client.send("GET", "/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(7)
    void everyCreatedSessionReachedTheTopicAsACloudEventInOrder() {
        List<TopicReader.Read> records = TopicReader.readUntil(system.kafkaBootstrap(), TOPIC,
                seen -> CloudEventChecks.createdSessions(seen).containsAll(CREATED), Duration.ofSeconds(30));

        assertThat(CloudEventChecks.createdSessions(records)).containsAll(CREATED);
        CloudEventChecks.assertWellFormedAndOrdered(records, "acme");
    }

    @Test
    @Order(8)
    void koreSessionsWorkThroughTheEdge() throws Exception {
        new KoreSystemChecks(client, system.adminKey(), apiKey, system.kafkaBootstrap()).run(TOPIC, "acme");
    }

    @Test
    @Order(30)
    void aVectaraClientsSessionWorksThroughTheEdgeFromCreateToDelete() throws Exception {
        new VectaraJourney(client, system, apiKey).run(TOPIC);
    }

    /**
     * Nothing acknowledged is lost when Kafka dies: writes made while the broker is down are answered
     * (durable in the store, marked pending), and once it is back they reach the topic, in order, and the
     * read model. Runs last: it takes the broker away from everything else.
     */
    @Test
    @Order(100)
    void writesAcknowledgedWhileTheBrokerIsDownReachTheTopicAndTheReadModel() throws Exception {
        system.stopBroker();
        Reply created;
        Reply associated;
        String sessionId;
        try {
            created = client.send("PUT", "/gks-server/v1/sessions/new", null, "x-api-key", apiKey);
            assertThat(created.status()).as(created.raw()).isEqualTo(200);
            sessionId = created.body().path("sessionId").asText();
            associated = client.send("POST", "/gks-server/v1/sessions/" + sessionId, null,
                    "x-api-key", apiKey, "gkc_customerId", "customer-during-outage");
            assertThat(associated.status()).as(associated.raw()).isEqualTo(200);
        } finally {
            system.startBroker();
        }

        Reply read = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            read = client.send("GET", "/gks-server/v1/sessions/" + sessionId, null, "x-api-key", apiKey);
            if (read.status() == 200 && "customer-during-outage".equals(read.body().path("customerId").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(read.body().path("customerId").asText()).as(read.raw()).isEqualTo("customer-during-outage");

        String key = "acme:" + sessionId;
        List<TopicReader.Read> records = TopicReader.readUntil(system.kafkaBootstrap(), TOPIC,
                all -> all.stream().filter(r -> key.equals(r.key())).map(TopicReader.Read::value).distinct().count() >= 2,
                Duration.ofSeconds(60));
        List<String> types = records.stream().filter(r -> key.equals(r.key())).map(TopicReader.Read::value)
                .distinct().map(value -> value.contains("\"session.created\"") ? "created" : "associated").toList();
        assertThat(types).containsExactly("created", "associated");
    }

    private static Reply create(String agent, String customer, String visitId) throws Exception {
        Reply reply = client.send("PUT", "/gks-server/v1/sessions/new", "{\"visitId\":\"" + visitId + "\"}",
                "x-api-key", apiKey, "gkc_agentId", agent, "gkc_customerId", customer);
        if (reply.status() == 200) {
            CREATED.add(reply.body().path("sessionId").asText());
        }
        return reply;
    }


    private static void assertGenesysError(Reply reply, int status) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        JsonNode body = reply.body();
        assertThat(body.path("code").isTextual()).as(reply.raw()).isTrue();
        assertThat(body.path("description").isTextual()).as(reply.raw()).isTrue();
    }
}
