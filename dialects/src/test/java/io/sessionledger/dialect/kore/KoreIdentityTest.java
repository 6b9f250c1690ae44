package io.sessionledger.dialect.kore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.web.JsonBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KoreIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonBody body(String json) {
        try {
            return new JsonBody((ObjectNode) JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String identity(String items) {
        return "{\"sessionIdentity\":[" + items + "]}";
    }

    @Test
    void readsEveryTypeAndTakesSessionIdentityAsSessionId() {
        KoreIdentity identity = KoreIdentity.of(body(identity("{\"type\":\"sessionIdentity\",\"value\":\"s-1\"},"
                + "{\"type\":\"sessionReference\",\"value\":\"ref-1\",\"extra\":true},"
                + "{\"type\":\"userReference\",\"value\":\"u-1\"}") .replace("]}", "],\"more\":1}")));

        assertThat(identity).isEqualTo(new KoreIdentity("s-1", "ref-1", "u-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"sessionIdentity\":null}",
            "{\"sessionIdentity\":[]}",
            "{\"sessionIdentity\":{\"type\":\"userReference\",\"value\":\"u\"}}",
            "{\"sessionIdentity\":[\"u\"]}",
            "{\"sessionIdentity\":[{\"type\":\"visitor\",\"value\":\"u\"}]}",
            "{\"sessionIdentity\":[{\"value\":\"u\"}]}",
            "{\"sessionIdentity\":[{\"type\":\"userReference\"}]}",
            "{\"sessionIdentity\":[{\"type\":\"userReference\",\"value\":\"\"}]}",
            "{\"sessionIdentity\":[{\"type\":\"userReference\",\"value\":\"   \"}]}",
            "{\"sessionIdentity\":[{\"type\":\"userReference\",\"value\":7}]}",
            "{\"sessionIdentity\":[{\"type\":\"userReference\",\"value\":\"a\"},{\"type\":\"userReference\",\"value\":\"b\"}]}",
            "{\"sessionIdentity\":[{\"type\":\"sessionId\",\"value\":\"a\"},{\"type\":\"sessionIdentity\",\"value\":\"a\"}]}",
            "{\"sessionIdentity\":[{\"type\":\"sessionId\",\"value\":\"a\"},{\"type\":\"sessionReference\",\"value\":\"b\"},"
                    + "{\"type\":\"userReference\",\"value\":\"c\"},{\"type\":\"userReference\",\"value\":\"d\"}]}"})
    void refusesEveryMalformedIdentityAsInvalidRequest(String json) {
        assertThatThrownBy(() -> KoreIdentity.of(body(json))).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.error().status().value()).isEqualTo(400);
                    assertThat(e.error().code()).isEqualTo("invalid_request");
                });
    }

    @Test
    void valuesUpToTheMaximumLengthAreAcceptedAndLongerOnesRefused() {
        String longest = "r".repeat(KoreIdentity.MAX_VALUE);
        assertThat(KoreIdentity.of(body(identity("{\"type\":\"sessionReference\",\"value\":\"" + longest + "\"}")))
                .sessionReference()).isEqualTo(longest);
        assertThatThrownBy(() -> KoreIdentity.of(body(identity(
                "{\"type\":\"sessionReference\",\"value\":\"" + longest + "r\"}")))).isInstanceOf(ApiException.class);
    }

    @Test
    void terminatingNeedsTheSessionNamed() {
        KoreIdentity userOnly = KoreIdentity.of(body(identity("{\"type\":\"userReference\",\"value\":\"u\"}")));
        assertThatThrownBy(userOnly::requireSession).isInstanceOf(ApiException.class);
    }
}
