package io.sessionledger.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionDetailsUpdated;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionEventTypes;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.testsupport.EventSchemas;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every event type the publisher can send against its JSON Schema in shared-events, with a validator that is
 * not ours (networknt): every field filled, the sparse forms each dialect writes, the coming ciphertext form
 * of personal data, and data spoiled in every way a strict schema must refuse. Records read back from a real
 * topic are checked in {@code AnalyticsConsumerIT}.
 */
class PublishedEventSchemasTest {

    private static final ObjectMapper JSON = CloudEventCodec.defaultMapper();
    private final CloudEventCodec codec = new CloudEventCodec();

    @Test
    void everySessionEventRecordIsAPublishedTypeWithASchemaNamedByItsDataschema() {
        assertThat(SessionEventTypes.ALL.stream().<Class<?>>map(SessionEventTypes.Type::payloadType))
                .as("every SessionEvent record is listed in SessionEventTypes.ALL")
                .containsExactlyInAnyOrder(SessionEvent.class.getPermittedSubclasses());
        for (SessionEventTypes.Type type : SessionEventTypes.ALL) {
            JsonNode schema = EventSchemas.document(type);
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).as(type.name()).isEqualTo(type.dataSchema());
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(type.name()).isFalse();
        }
    }

    @Test
    void everyTypeWithEveryFieldFilledConformsToItsSchema() {
        for (SessionEventTypes.Type type : SessionEventTypes.ALL) {
            for (ObjectNode data : EventExamples.filled(type.payloadType())) {
                assertThat(EventSchemas.violations(type, data)).as(type.name() + " " + data).isEmpty();
            }
        }
    }

    @Test
    void theSparseFormsTheDialectsWriteConform() {
        List<SessionEvent> written = List.of(
                new SessionCreated("acme", "my-own-id", SessionScope.TENANT, Parties.NONE, ExternalKeys.NONE,
                        SessionDetails.NONE, SessionStatus.IDLE, "session:acme:my-own-id"),
                new SessionCreated("acme", "s-2", new SessionScope("app", "prod", null),
                        new Parties(null, null, "usr_1a2b3c", "u-1"), new ExternalKeys(null, null, "ref-1", null),
                        SessionDetails.NONE, SessionStatus.IDLE, "usr_1a2b3c"),
                new UserAssociated("acme", "s-1", "agent-8", null, null, null, "session:acme:s-1"),
                new SessionDetailsUpdated("acme", "s-3", new SessionDetails(null, null, null, false), null));
        for (SessionEvent event : written) {
            SessionEventTypes.Type type = SessionEventTypes.of(event.getClass());
            JsonNode data = codec.toCloudEvent("e-1", 0, Instant.EPOCH, event, Map.of()).data();
            assertThat(EventSchemas.violations(type, data)).as(data.toString()).isEmpty();
        }
    }

    @Test
    void personalDataMayTravelAsCiphertextStringsMetadataIncluded() {
        List<String> personalFields = SessionEventTypes.ALL.stream()
                .flatMap(type -> EventExamples.personalDataPaths(type.payloadType()).stream()).toList();
        assertThat(personalFields).contains("/details/metadata", "/parties/customerId", "/customerId");
        for (SessionEventTypes.Type type : SessionEventTypes.ALL) {
            List<String> paths = EventExamples.personalDataPaths(type.payloadType());
            for (ObjectNode data : EventExamples.filled(type.payloadType())) {
                ObjectNode encrypted = EventExamples.encrypted(data, paths);
                assertThat(EventSchemas.violations(type, encrypted)).as(encrypted.toString()).isEmpty();
            }
        }
    }

    @Test
    void dataSpoiledInAnyWayIsRejectedForEveryType() {
        for (SessionEventTypes.Type type : SessionEventTypes.ALL) {
            JsonNode schema = EventSchemas.document(type);
            List<WrongData.Spoiled> spoiled = WrongData.of(EventExamples.filled(type.payloadType()).get(0), schema);
            assertThat(spoiled).as(type.name()).hasSizeGreaterThan(3);
            for (WrongData.Spoiled wrong : spoiled) {
                assertThat(EventSchemas.violations(type, wrong.data()))
                        .as(type.name() + " with " + wrong.what() + ": " + wrong.data()).isNotEmpty();
            }
        }
    }

    @Test
    void idsOutsideTheLedgersGrammarAndMetadataOfAnotherKindAreRejected() throws Exception {
        SessionEventTypes.Type created = SessionEventTypes.of(SessionCreated.class);
        ObjectNode data = EventExamples.filled(SessionCreated.class).get(0);
        for (String[] change : Arrays.asList(new String[] {"tenantId", "Acme:x"}, new String[] {"tenantId", ""},
                new String[] {"sessionId", "../etc"}, new String[] {"sessionId", "x".repeat(129)})) {
            ObjectNode wrong = data.deepCopy().put(change[0], change[1]);
            assertThat(EventSchemas.violations(created, wrong)).as(wrong.toString()).isNotEmpty();
        }
        for (String metadata : List.of("[1,2]", "42", "true", "null")) {
            ObjectNode wrong = data.deepCopy();
            ((ObjectNode) wrong.get("details")).set("metadata", JSON.readTree(metadata));
            assertThat(EventSchemas.violations(created, wrong)).as("metadata " + metadata).isNotEmpty();
        }
    }
}
