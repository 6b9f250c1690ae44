package io.sessionledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.cloudevents.Received;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionEventTypes;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.UserAssociated;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private final CloudEventCodec codec = new CloudEventCodec();
    private final ObjectMapper mapper = CloudEventCodec.defaultMapper();

    private final SessionCreated created = new SessionCreated("acme", "s-1", SessionScope.TENANT,
            new Parties("agent-7", "cust-9", null, null), new ExternalKeys("visit-1", null, null, null),
            SessionDetails.NONE, SessionStatus.IDLE, "cust-9");

    @Test
    void sessionEventBecomesStructuredCloudEventWithLedgerExtensions() throws Exception {
        CloudEvent event = codec.toCloudEvent("e-1", 3, Instant.parse("2026-01-02T03:04:05Z"), created,
                Map.of(LedgerMetadata.DIALECT, "genesys-v1", LedgerMetadata.REQUEST_ID, "r-1",
                        LedgerMetadata.API_KEY_ID, "k-1"));

        JsonNode json = mapper.readTree(codec.write(event));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo("e-1");
        assertThat(json.get("type").asText()).isEqualTo("session.created");
        assertThat(json.get("subject").asText()).isEqualTo("s-1");
        assertThat(json.get("source").asText()).isEqualTo("/session-ledger/tenants/acme");
        assertThat(json.get("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.get("sequence").asText()).isEqualTo("0000000000000000003");
        assertThat(json.get("tenantid").asText()).isEqualTo("acme");
        assertThat(json.get("dialect").asText()).isEqualTo("genesys-v1");
        assertThat(json.get("data").get("parties").get("customerId").asText()).isEqualTo("cust-9");
        assertThat(json.has("correlationid")).isFalse();
    }

    @Test
    void cloudEventRoundTripsToTheSamePayload() {
        CloudEvent event = codec.toCloudEvent("e-1", 0, Instant.now(), created, Map.of());

        CloudEvent read = codec.read(codec.write(event));

        assertThat(read.sequenceNumber()).isZero();
        assertThat(codec.payload(read)).contains(created);
    }

    @Test
    void unknownTypeFromANewerProducerIsSkippedNotFailed() {
        CloudEvent event = codec.toCloudEvent("e-1", 0, Instant.now(), created, Map.of());
        CloudEvent newer = new CloudEvent("1.0", "e-2", event.source(), "session.teleported", "s-1",
                event.time(), null, null, event.sequence(), "acme", null, null, null, null, null, event.data());

        assertThat(codec.payload(newer)).isEmpty();
    }

    @Test
    void decodeInOnePassGivesWhatReadThenPayloadGive() throws Exception {
        SessionDetails details = new SessionDetails("tab\there", "line\nbreak", mapper.readTree("{\"k\":[1,\"two\"]}"),
                true);
        for (SessionEvent event : java.util.List.of(created,
                new UserAssociated("acme", "s-1", "agent-8", null, null, "g-1", "cust-9"),
                new io.sessionledger.events.session.SessionDetailsUpdated("acme", "s-1", details, "cust-9"))) {
            CloudEvent sent = codec.toCloudEvent("e-1", 7, Instant.parse("2026-01-02T03:04:05.123Z"), event,
                    Map.of(LedgerMetadata.DIALECT, "genesys-v1", LedgerMetadata.REQUEST_ID, "r-1"));
            byte[] json = codec.write(sent);

            Received received = codec.decode(json);

            CloudEvent read = codec.read(json);
            assertThat(received.envelope()).usingRecursiveComparison().ignoringFields("data").isEqualTo(read);
            assertThat(received.payload()).contains(event).isEqualTo(codec.payload(read));
        }
    }

    @Test
    void decodeForFoldGivesTheFoldsAttributesAndPayloadAsDecodeDoesAndLeavesTheOthersOut() throws Exception {
        SessionDetails details = new SessionDetails("d", null, mapper.readTree("{\"k\":1}"), false);
        for (SessionEvent event : java.util.List.of(created,
                new UserAssociated("acme", "s-1", "agent-8", null, null, "g-1", "cust-9"),
                new io.sessionledger.events.session.SessionDetailsUpdated("acme", "s-1", details, "cust-9"))) {
            byte[] json = codec.write(codec.toCloudEvent("e-1", 7, Instant.parse("2026-01-02T03:04:05.123Z"), event,
                    Map.of(LedgerMetadata.DIALECT, "genesys-v1", LedgerMetadata.REQUEST_ID, "r-1")));

            Received full = codec.decode(json);
            Received lean = codec.decodeForFold(json, null);

            assertThat(lean.payload()).contains(event).isEqualTo(full.payload());
            assertThat(lean.envelope()).usingRecursiveComparison()
                    .comparingOnlyFields("type", "subject", "time", "sequence", "tenantid", "dialect")
                    .isEqualTo(full.envelope());
            assertThat(lean.envelope().type())
                    .isEqualTo(io.sessionledger.events.session.SessionEventTypes.of(event.getClass()).name());
            assertThat(lean.envelope().dialect()).isEqualTo("genesys-v1");
            assertThat(lean.envelope().sequenceNumber()).isEqualTo(7);
            assertThat(lean.envelope().id()).isNull();
            assertThat(lean.envelope().requestid()).isNull();
            assertThat(lean.envelope().source()).isNull();
        }
        assertThatThrownBy(() -> codec.decodeForFold("{\"id\":{\"nested\":1}}".getBytes(), null))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void decodeDoesNotDependOnTheOrderOfTypeAndData() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode json = mapper.createObjectNode();
        CloudEvent sent = codec.toCloudEvent("e-1", 0, Instant.parse("2026-01-02T03:04:05Z"), created, Map.of());
        json.set("data", sent.data());
        json.put("type", sent.type());
        json.put("sequence", sent.sequence());

        Received received = codec.decode(mapper.writeValueAsBytes(json));

        assertThat(received.payload()).contains(created);
        assertThat(received.envelope().sequenceNumber()).isZero();
    }

    @Test
    void decodeLeavesAnUnknownTypeWithoutPayloadAndRejectsMalformedAttributes() {
        CloudEvent event = codec.toCloudEvent("e-1", 0, Instant.now(), created, Map.of());
        CloudEvent newer = new CloudEvent("1.0", "e-2", event.source(), "session.teleported", "s-1",
                event.time(), null, null, event.sequence(), "acme", null, null, null, null, null, event.data());

        assertThat(codec.decode(codec.write(newer)).payload()).isEmpty();
        assertThatThrownBy(() -> codec.decode("{\"id\":{\"nested\":1}}".getBytes()))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThatThrownBy(() -> codec.decode("[1]".getBytes())).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void sequenceOrdersAsAString() {
        assertThat(CloudEvent.formatSequence(10)).isGreaterThan(CloudEvent.formatSequence(9));
    }

    @Test
    void everyPublishedTypeHasASchemaNamingEachFieldItsDataCanCarry() throws Exception {
        Map<Class<?>, SessionEvent> samples = Map.of(
                SessionCreated.class, created,
                UserAssociated.class, new UserAssociated("acme", "s-1", "a", "c", "v", "g", "c"));
        for (SessionEventTypes.Type type : SessionEventTypes.ALL) {
            try (InputStream in = getClass().getResourceAsStream(type.schemaResource())) {
                assertThat(in).as("schema for " + type.name()).isNotNull();
                JsonNode schema = mapper.readTree(in);
                assertThat(schema.get("$id").asText()).isEqualTo(type.dataSchema());
                SessionEvent sample = samples.get(type.payloadType());
                if (sample != null) {
                    assertFieldsDeclared(mapper.valueToTree(sample), schema, type.name());
                }
            }
        }
    }

    @Test
    void sessionRefKeepsTenantsApartAndRejectsOddIds() {
        assertThat(new SessionRef("acme", "s-1").aggregateId()).isEqualTo("acme:s-1");
        assertThat(SessionRef.parse("acme:s-1")).isEqualTo(new SessionRef("acme", "s-1"));
        assertThat(new SessionRef("other", "s-1")).isNotEqualTo(new SessionRef("acme", "s-1"));
        assertThatThrownBy(() -> new SessionRef("acme", "../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionRef("acme", "x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionRef("Ac:me", "s")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertFieldsDeclared(JsonNode data, JsonNode schema, String path) {
        JsonNode properties = schema.get("properties");
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(properties.has(name)).as(path + "." + name + " declared in schema").isTrue();
            JsonNode sub = properties.get(name);
            if (data.get(name).isObject() && sub.has("properties")) {
                assertFieldsDeclared(data.get(name), sub, path + "." + name);
            }
        }
    }
}
