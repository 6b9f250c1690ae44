package io.sessionledger.benchmark.audit;

import io.sessionledger.events.personal.KeyedHash;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.personal.DataKey;
import io.sessionledger.events.personal.SealedValue;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The harness's copy of the command side's sealing gives a create the shape the command side stores. */
class SealingSerializerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGenesysCreateIsStoredWithItsSubjectHashedAndItsPersonalValuesSealed() throws Exception {
        DataKey key = DataKey.generate();
        KeyedHash keyedHash = new KeyedHash(new byte[32]);
        SealingSerializer sealing = new SealingSerializer(JacksonSerializer.defaultSerializer(), keyedHash, ref -> key);

        byte[] stored = sealing.serialize(GenesysEvents.create("bench", "s-1", "a-1", "c-1", "v-1"), byte[].class)
                .getData();

        // as a create through the Genesys API is stored (read from domain_event_entry on a running system)
        JsonNode payload = JSON.readTree(stored);
        assertThat(payload.path("subjectId").asText()).isEqualTo(keyedHash.subjectRef("bench", "c-1")).startsWith("sub:");
        assertThat(payload.path("scope").isEmpty()).isTrue();
        assertThat(payload.path("details").isEmpty()).isTrue();
        assertThat(payload.path("status").asText()).isEqualTo("idle");
        assertThat(SealedValue.open(key, "agentId", payload.path("parties").path("agentId").asText())).isEqualTo("a-1");
        assertThat(SealedValue.open(key, "customerId", payload.path("parties").path("customerId").asText()))
                .isEqualTo("c-1");
        assertThat(SealedValue.open(key, "visitId", payload.path("keys").path("visitId").asText())).isEqualTo("v-1");
        assertThat(new String(stored)).doesNotContain("c-1", "a-1", "v-1");
    }
}
