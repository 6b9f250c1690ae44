package io.sessionledger.dialect.vectara;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.web.JsonBody;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VectaraRulesTest {

    private static final Pattern KEY = Pattern.compile("[0-9a-zA-Z_-]{1,50}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Support chat|support-chat",
            "  Support   chat!!  |support-chat",
            "Zoë's Café — Ärger|zoe-s-cafe-arger",
            "already-a_key|already-a-key",
            "ÜBER 9000|uber-9000",
            "!!!|session",
            "🙂🙂|session",
            "日本語のセッション|session"})
    void generatedKeysFollowTheName(String name, String expected) {
        assertThat(SessionKeys.fromName(name)).isEqualTo(expected);
    }

    @Test
    void longNamesAreCutAtAWordBoundaryWithinFortyCharacters() {
        String key = SessionKeys.fromName("word ".repeat(30));
        assertThat(key).hasSizeLessThanOrEqualTo(SessionKeys.MAX_BASE).doesNotEndWith("-").startsWith("word-word");
        assertThat(SessionKeys.fromName("x".repeat(300))).isEqualTo("x".repeat(40));
        assertThat(SessionKeys.fromName("a".repeat(39) + " b")).isEqualTo("a".repeat(39));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Support chat", "!!!", "x", "ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd", "---", "Ω", "a\u0301"})
    void everyGeneratedKeyMatchesTheKeyPatternWithOrWithoutSuffix(String name) {
        String base = SessionKeys.fromName(name);
        String suffixed = SessionKeys.withSuffix(base);
        assertThat(base).matches(KEY);
        assertThat(suffixed).matches(KEY).startsWith(base + "-").hasSize(base.length() + 1 + SessionKeys.SUFFIX_LENGTH);
        assertThat(SessionKeys.withSuffix(base)).isNotEqualTo(suffixed);
    }

    @Test
    void createReadsEveryFieldAndDefaultsEnabledToTrue() throws Exception {
        VectaraRequests.NewSession full = VectaraRequests.create(body(
                "{\"key\":\"k-1\",\"name\":\"N\",\"description\":\"two\\nlines\",\"metadata\":{\"a\":[1]},"
                        + "\"enabled\":false,\"unknown\":{\"x\":1}}"));
        assertThat(full).isEqualTo(new VectaraRequests.NewSession("k-1", "N", "two\nlines",
                (ObjectNode) JSON.readTree("{\"a\":[1]}"), false));
        assertThat(VectaraRequests.create(body("{\"name\":\"N\",\"key\":null}")).enabled()).isTrue();
        assertThat(VectaraRequests.create(body("{\"name\":\"N\",\"key\":null}")).key()).isNull();
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        ApiError error = refusal(() -> VectaraRequests.create(body(
                "{\"key\":\"no spaces\",\"name\":42,\"description\":\"\\u0000\",\"enabled\":\"yes\",\"metadata\":[]}")));
        assertThat(error.code()).isEqualTo("invalid_request");
        assertThat(error.fieldErrors()).containsOnlyKeys("key", "name", "description", "enabled", "metadata");
    }

    @Test
    void nameIsRequiredNonBlankBoundedAndOneLine() {
        assertThat(refusal(() -> VectaraRequests.create(body("{}"))).fieldErrors()).containsOnlyKeys("name");
        for (String name : new String[] {"\"  \"", "\"a\\tb\"", "\"" + "n".repeat(256) + "\"", "null"}) {
            ApiError error = refusal(() -> VectaraRequests.create(body("{\"name\":" + name + "}")));
            assertThat(error.code()).isEqualTo("invalid_request");
            assertThat(error.fieldErrors()).containsOnlyKeys("name");
        }
        assertThat(VectaraRequests.create(body("{\"name\":\"" + "🙂".repeat(255) + "\"}")).name()).hasSize(510);
    }

    @Test
    void metadataMustBeASmallShallowObject() {
        for (String metadata : new String[] {"[]", "\"x\"", "1", "true", nested(11),
                "{\"big\":\"" + "m".repeat(16 * 1024) + "\"}"}) {
            ApiError error = refusal(() -> VectaraRequests.create(body("{\"name\":\"N\",\"metadata\":" + metadata + "}")));
            assertThat(error.code()).as(metadata).isEqualTo("invalid_metadata");
            assertThat(error.fieldErrors()).containsOnlyKeys("metadata");
        }
        assertThat(VectaraRequests.create(body("{\"name\":\"N\",\"metadata\":" + nested(10) + "}")).metadata()).isNotNull();
        String justFits = "{\"big\":\"" + "m".repeat(16 * 1024 - 10) + "\"}";
        assertThat(justFits).hasSize(16 * 1024);
        assertThat(VectaraRequests.create(body("{\"name\":\"N\",\"metadata\":" + justFits + "}")).metadata()).isNotNull();
    }

    @Test
    void updateLeavesAbsentFieldsAlone() {
        assertThat(VectaraRequests.update(body("{}"))).isEqualTo(new VectaraRequests.Changes(null, null, null, null));
        assertThat(VectaraRequests.update(body("{\"description\":\"\",\"enabled\":false}")))
                .isEqualTo(new VectaraRequests.Changes(null, "", null, false));
        assertThat(refusal(() -> VectaraRequests.update(body("{\"name\":\"\"}"))).fieldErrors()).containsOnlyKeys("name");
    }

    @Test
    void limitsAndKeysOfThePath() {
        assertThat(VectaraRules.limit(null)).isEqualTo(10);
        assertThat(VectaraRules.limit("100")).isEqualTo(100);
        for (String bad : new String[] {"0", "101", "-1", "ten", "", "1e2", "0x10", "99999999999"}) {
            assertThat(refusal(() -> VectaraRules.limit(bad)).fieldErrors()).as(bad).containsOnlyKeys("limit");
        }
        assertThat(refusal(() -> VectaraRules.agentKey("a".repeat(65))).fieldErrors()).containsOnlyKeys("agent_key");
        assertThat(refusal(() -> VectaraRules.sessionKey("a.b")).fieldErrors()).containsOnlyKeys("session_key");
        assertThat(VectaraRules.agentKey("a".repeat(64))).hasSize(64);
    }

    @Test
    void aKeyMayBeLimitedToAgents() {
        Principal limited = new Principal("k", "acme", "n", Set.of("sessions"), Set.of("support"), null, null);
        Principal any = new Principal("k", "acme", "n");
        assertThat(VectaraRules.agentFor(limited, "support")).isEqualTo("support");
        assertThat(refusal(() -> VectaraRules.agentFor(limited, "billing")).code()).isEqualTo("forbidden");
        assertThat(VectaraRules.agentFor(any, "billing")).isEqualTo("billing");
        assertThat(refusal(() -> VectaraRules.agentFor(any, "bad key!")).fieldErrors()).containsOnlyKeys("agent_key");
    }

    private static String nested(int levels) {
        return "{\"a\":".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    }

    private static JsonBody body(String json) {
        try {
            return new JsonBody((ObjectNode) JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ApiError refusal(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.error();
        }
        throw new AssertionError("expected a refusal");
    }

}
