package io.sessionledger.events.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDeleted;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalFieldsTest {

    private static final ObjectMapper JSON = CloudEventCodec.defaultMapper();
    private final DataKey key = DataKey.generate();

    private SessionCreated created() {
        return new SessionCreated("acme", "s-1", SessionScope.TENANT,
                new Parties("agent-7", "cust-42", "user@example.com", "u-1"),
                new ExternalKeys("visit-9", null, "ref-1", "key-1"),
                new SessionDetails("Ann Smith", "called about her bill",
                        JSON.createObjectNode().put("phone", "+44 20 7946 0000"), true),
                SessionStatus.IDLE, "cust-42");
    }

    private ObjectNode sealed(SessionCreated event) {
        ObjectNode data = JSON.valueToTree(event);
        PersonalFields.seal(SessionCreated.class, data, (field, clear) -> SealedValue.seal(key, field, clear));
        return data;
    }

    @Test
    void sealsEveryPersonalFieldAndNothingElse() {
        ObjectNode data = sealed(created());
        String text = data.toString();
        for (String clear : new String[] {"agent-7", "cust-42\",\"u", "user@example.com", "u-1\"", "visit-9", "Ann Smith",
                "her bill", "7946"}) {
            assertThat(text).doesNotContain(clear);
        }
        assertThat(data.at("/parties/customerId").textValue()).startsWith("enc:v1:" + key.id() + ":");
        assertThat(data.at("/details/metadata").isTextual()).isTrue();
        assertThat(data.at("/keys/sessionReference").textValue()).isEqualTo("ref-1");
        assertThat(data.at("/details/enabled").booleanValue()).isTrue();
        assertThat(PersonalFields.keyIds(SessionCreated.class, data)).containsExactly(key.id());
        assertThat(PersonalFields.subjectField(SessionCreated.class)).isEqualTo("subjectId");
    }

    @Test
    void sealingIsDeterministicSoEverySerializationGivesTheSameBytes() {
        assertThat(sealed(created())).isEqualTo(sealed(created()));
    }

    @Test
    void opensBackToTheSameEvent() throws Exception {
        ObjectNode data = sealed(created());
        PersonalFields.open(SessionCreated.class, data, (field, text) -> SealedValue.open(key, field, text));
        assertThat(JSON.treeToValue(data, SessionCreated.class)).isEqualTo(created());
    }

    @Test
    void aValueWhoseKeyIsGoneOpensAsNull() throws Exception {
        ObjectNode data = sealed(created());
        PersonalFields.open(SessionCreated.class, data, (field, text) -> null);
        SessionCreated erased = JSON.treeToValue(data, SessionCreated.class);
        assertThat(erased.parties().customerId()).isNull();
        assertThat(erased.details().metadata()).isNull();
        assertThat(erased.keys().sessionReference()).isEqualTo("ref-1");
    }

    @Test
    void anAlteredOrMovedValueDoesNotOpen() {
        ObjectNode data = sealed(created());
        String customer = data.at("/parties/customerId").textValue();
        assertThatThrownBy(() -> SealedValue.open(key, "userReference", customer))
                .isInstanceOf(IllegalArgumentException.class);
        char last = customer.charAt(customer.length() - 2);
        String altered = customer.substring(0, customer.length() - 2) + (last == 'A' ? 'B' : 'A')
                + customer.charAt(customer.length() - 1);
        assertThatThrownBy(() -> SealedValue.open(key, "customerId", altered))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealedValue.open(DataKey.generate(), "customerId", customer))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventWithoutPersonalDataIsLeftAlone() {
        ObjectNode data = JSON.valueToTree(new SessionDeleted("acme", "s-1"));
        assertThat(PersonalFields.seal(SessionDeleted.class, data, (f, c) -> {
            throw new AssertionError("nothing to seal");
        })).isFalse();
        assertThat(data).isEqualTo(JSON.valueToTree(Map.of("tenantId", "acme", "sessionId", "s-1")));
    }
}
