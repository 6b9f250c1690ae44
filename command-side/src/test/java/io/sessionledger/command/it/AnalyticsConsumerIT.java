package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.sessionledger.command.api.web.SessionWrites;
import io.sessionledger.command.it.CloudEventsSdkReader.Position;
import io.sessionledger.command.session.ChangeSessionStatus;
import io.sessionledger.dialect.kore.KoreRules;
import io.sessionledger.events.LedgerTopics;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.SessionEventTypes;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.web.RequestContext;
import io.sessionledger.testsupport.EventSchemas;
import io.sessionledger.testsupport.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, point 7: what an analytics user gets. Sessions are written through every dialect's HTTP API; the
 * records those writes acknowledged are read from the real topic by the official CloudEvents Java SDK, which
 * must give back our attributes and extensions, and each event's data must be valid against the JSON Schema
 * its {@code dataschema} names. Every published type is written here once at least.
 */
class AnalyticsConsumerIT extends KoreWritesContext {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VECTARA = "/v2/agents/analytics-bot/sessions";

    /** One acknowledged write: what it should have published, and where its answer says the event sits. */
    private record Write(String type, String dialect, String requestId, String correlationId, Position position,
                         String pointer, String value) {
    }

    @Autowired
    SessionWrites sessionWrites;

    private final List<Write> writes = new ArrayList<>();
    private String key;
    private String keyId;
    private String run;

    @BeforeEach
    void keyAndAgent() {
        Http.Response issued = issue("{\"tenantId\":\"acme\",\"name\":\"analytics-it\"}");
        key = issued.body().get("key").asText();
        keyId = issued.body().get("id").asText();
        run = Long.toString(System.nanoTime(), 36);
        Http.Response agent = admin("PUT", "/ledger/v1/agents/analytics-bot", "{\"tenantId\":\"acme\",\"name\":\"BI\"}");
        assertThat(agent.status()).as(agent.raw().body()).isIn(200, 201);
    }

    @Test
    void theCloudEventsSdkReadsEveryDialectsEventsWithOurAttributesAndSchemaValidData() throws IOException {
        writeEveryTypeThroughEveryDialect();

        List<Position> positions = writes.stream().map(Write::position).toList();
        Map<Position, ConsumerRecord<String, CloudEvent>> records = CloudEventsSdkReader.read(
                TestKafka.bootstrap(), LedgerTopics.SESSION_EVENTS, positions, Duration.ofSeconds(30));

        assertThat(records.keySet()).containsExactlyInAnyOrderElementsOf(positions);
        for (Write write : writes) {
            assertReadAsWritten(write, records.get(write.position()));
        }
        assertThat(writes.stream().map(Write::dialect).distinct())
                .containsExactlyInAnyOrder("genesys-v1", "genesys-v2", "kore", "vectara", "ledger");
        assertThat(writes.stream().map(Write::type).collect(Collectors.toSet()))
                .as("every published type is written and read back here: a new type needs a write in this test")
                .containsAll(SessionEventTypes.ALL.stream().map(SessionEventTypes.Type::name).toList());
    }

    private void writeEveryTypeThroughEveryDialect() {
        write("session.created", "genesys-v1", 200, "PUT", "/gks-server/v1/sessions/new",
                "{\"visitId\":\"v-" + run + "\"}", "/parties/customerId", "cust-" + run,
                "gkc_agentId", "agent-7", "gkc_customerId", "cust-" + run);
        String anonymous = write("session.created", "genesys-v2", 200, "PUT",
                "/gks-server/v2/sessions/new?tenantId=acme", null, "/status", "idle")
                .body().at("/response/sessionId").asText();
        write("session.user-associated", "genesys-v2", 200, "POST",
                "/gks-server/v2/sessions/" + anonymous + "?tenantId=acme", null, "/customerId", "later-" + run,
                "gkc_customerId", "later-" + run);

        String kore = session(write("session.created", "kore", 201, "POST", SESSIONS,
                identity("userReference", "usr_" + run), "/parties/userReference", "usr_" + run))
                .get("sessionId").asText();
        changeStatus(kore, SessionStatus.BUSY);
        write("session.terminated", "kore", 200, "POST", SESSIONS + "/terminate", identity("sessionId", kore),
                "/from", "busy");

        write("session.created", "vectara", 201, "POST", VECTARA, "{\"key\":\"k-" + run + "\",\"name\":\"Billing\","
                + "\"description\":\"card declined\",\"metadata\":{\"channel\":\"web\"}}", "/details/metadata",
                "{\"channel\":\"web\"}");
        write("session.details-updated", "vectara", 200, "PATCH", VECTARA + "/k-" + run,
                "{\"metadata\":{\"channel\":\"phone\"}}", "/details/metadata", "{\"channel\":\"phone\"}");
        write("session.deleted", "vectara", 204, "DELETE", VECTARA + "/k-" + run, null, "/tenantId", "acme");
        // An erasure, of a customer of its own (the others' data is opened above; an erased value opens as null).
        String gone = write("session.created", "genesys-v1", 200, "PUT", "/gks-server/v1/sessions/new", null,
                "/tenantId", "acme", "gkc_customerId", "gone-" + run).body().get("sessionId").asText();
        Http.Response erased = http.send("POST", "/ledger/v1/subjects/gone-" + run + "/erase", null,
                Map.of("x-api-key", key));
        assertThat(erased.status()).as(erased.raw().body()).isEqualTo(200);
        Http.Response history = http.send("GET", "/ledger/v1/sessions/" + gone + "/events", null,
                Map.of("x-api-key", key));
        JsonNode last = history.body().get("events").get(history.body().get("events").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("PersonalDataErased");
        writes.add(new Write("session.personal-data-erased", "ledger", last.get("requestId").asText(),
                last.get("correlationId").asText(), positionOf(last.get("eventId").asText()), "/tenantId", "acme"));
    }

    /** Sends one write with its own request and correlation ids and notes what it must have published. */
    private Http.Response write(String type, String dialect, int status, String method, String path, String body,
                                String pointer, String value, String... extraHeaders) {
        String step = run + "-" + writes.size();
        Map<String, String> headers = new HashMap<>(Map.of("x-api-key", key, "x-request-id", "r-" + step,
                "x-correlation-id", "c-" + step));
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        Http.Response response = http.send(method, path, body, headers);
        assertThat(response.status()).as(method + " " + path + " -> " + response.raw().body()).isEqualTo(status);
        writes.add(new Write(type, dialect, "r-" + step, "c-" + step,
                Position.of(response.header("x-ledger-position")), pointer, value));
        return response;
    }

    /**
     * No API reports an agent's status yet, so the command goes in where every dialect's controller hands
     * its commands over; from there on (aggregate, store, publisher) the path is the one every write takes.
     */
    private void changeStatus(String sessionId, SessionStatus to) {
        String step = run + "-" + writes.size();
        SessionWrites.Result result = sessionWrites.send(new ChangeSessionStatus(new SessionRef("acme", sessionId),
                        new SessionScope("kore-a", "dev", null), to, null),
                new RequestContext("r-" + step, "c-" + step, new Principal(keyId, "acme", "analytics-it")),
                KoreRules.DIALECT);
        writes.add(new Write("session.status-changed", KoreRules.DIALECT, "r-" + step, "c-" + step,
                new Position(result.position().orElseThrow().partition(), result.position().orElseThrow().offset()),
                "/to", to.wireName()));
    }

    /**
     * Personal data is on the topic only sealed; an analytics consumer entitled to it (a key with the audit scope)
     * opens it through the ledger API, as here. Other values are compared as they are.
     */
    private String readable(JsonNode value, String pointer) {
        if (!value.isTextual() || !value.textValue().startsWith("enc:v1:")) {
            return value.asText();
        }
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        Http.Response opened = http.send("POST", "/ledger/v1/personal-data/decrypt", "{\"field\":\"" + field
                + "\",\"values\":[\"" + value.textValue() + "\"]}", Map.of("x-api-key", key, "content-type",
                "application/json"));
        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(200);
        return opened.body().get("values").get(0).asText();
    }

    /** Where the publisher put an event the test did not write over HTTP itself: read from the topic by id. */
    private Position positionOf(String eventId) {
        List<io.sessionledger.testsupport.TopicReader.Read> read = io.sessionledger.testsupport.TopicReader.readUntil(
                TestKafka.bootstrap(), LedgerTopics.SESSION_EVENTS,
                all -> all.stream().anyMatch(r -> r.event().id().equals(eventId)), Duration.ofSeconds(30));
        io.sessionledger.testsupport.TopicReader.Read found = read.stream()
                .filter(r -> r.event().id().equals(eventId)).findFirst().orElseThrow();
        return new Position(found.partition(), found.offset());
    }

    private void assertReadAsWritten(Write write, ConsumerRecord<String, CloudEvent> record) throws IOException {
        CloudEvent event = record.value();
        String what = write.type() + " by " + write.dialect();
        Map<String, Object> stored = jdbc.queryForMap("select aggregate_identifier, sequence_number, time_stamp "
                + "from domain_event_entry where event_identifier = ?", event.getId());
        long sequence = ((Number) stored.get("sequence_number")).longValue();

        assertThat(record.key()).as(what).isEqualTo(stored.get("aggregate_identifier")).isEqualTo("acme:" + event.getSubject());
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo(LedgerTopics.CONTENT_TYPE);
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getType()).as(what).isEqualTo(write.type());
        assertThat(event.getSource()).isEqualTo(URI.create("/session-ledger/tenants/acme"));
        assertThat(event.getTime().toInstant()).as(what).isEqualTo(Instant.parse((String) stored.get("time_stamp")));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getDataSchema()).as(what)
                .isEqualTo(URI.create(SessionEventTypes.named(write.type()).orElseThrow().dataSchema()));
        assertThat(event.getExtensionNames()).as(what).containsExactlyInAnyOrder("sequence", "tenantid", "dialect",
                "apikeyid", "requestid", "correlationid", "causationid");
        assertThat(event.getExtension("sequence"))
                .isEqualTo(io.sessionledger.events.cloudevents.CloudEvent.formatSequence(sequence));
        assertThat(event.getExtension("tenantid")).isEqualTo("acme");
        assertThat(event.getExtension("dialect")).as(what).isEqualTo(write.dialect());
        assertThat(event.getExtension("apikeyid")).isEqualTo(keyId);
        assertThat(event.getExtension("requestid")).as(what).isEqualTo(write.requestId());
        assertThat(event.getExtension("correlationid")).as(what).isEqualTo(write.correlationId());
        assertThat((String) event.getExtension("causationid")).isNotBlank().isNotEqualTo(write.requestId());

        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data.get("tenantId").asText()).isEqualTo("acme");
        assertThat(data.get("sessionId").asText()).isEqualTo(event.getSubject());
        assertThat(readable(data.at(write.pointer()), write.pointer())).as(what + " " + data).isEqualTo(write.value());
        assertThat(EventSchemas.violations(event.getDataSchema().toString(), data)).as(what + " " + data).isEmpty();
        ObjectNode spoiled = ((ObjectNode) data.deepCopy()).put("undeclared", true);
        assertThat(EventSchemas.violations(event.getDataSchema().toString(), spoiled)).as(what).isNotEmpty();
    }
}
