package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keys limited to scopes, agents and apps, with a rate quota: stored, echoed, told to the query side. */
class ApiKeyLimitsIT extends AdminApiContext {

    @Test
    void aKeyWithoutLimitsHasEveryScopeAndNoRestriction() {
        JsonNode issued = issue("{\"tenantId\":\"acme\",\"name\":\"plain\"}").body();
        Http.Response principal = as(issued.get("key").asText(), "GET", "/internal/v1/principal", null);

        assertThat(issued.get("scopes").toString()).isEqualTo("[\"sessions\",\"audit\",\"erase\"]");
        assertThat(issued.get("agents").isNull()).isTrue();
        assertThat(issued.get("apps").isNull()).isTrue();
        assertThat(issued.get("rateLimit").isNull()).isTrue();
        assertThat(principal.status()).isEqualTo(200);
        assertThat(principal.body().toString()).isEqualTo("{\"keyId\":\"" + issued.get("id").asText()
                + "\",\"tenantId\":\"acme\",\"name\":\"plain\",\"scopes\":[\"sessions\",\"audit\",\"erase\"],"
                + "\"agents\":null,\"apps\":null,\"rateLimit\":null}");
    }

    @Test
    void limitsAreEchoedAtIssueAndReturnedByThePrincipalLookup() {
        JsonNode issued = issue("{\"tenantId\":\"acme\",\"name\":\"limited\",\"scopes\":[\"erase\",\"sessions\"],"
                + "\"agents\":[\"bot-1\",\"bot_2\"],\"apps\":[\"app.one\"],\"rateLimit\":{\"requestsPerSecond\":25}}")
                .body();
        JsonNode principal = as(issued.get("key").asText(), "GET", "/internal/v1/principal", null).body();

        assertThat(issued.get("scopes").toString()).isEqualTo("[\"sessions\",\"erase\"]");
        assertThat(issued.get("agents").toString()).isEqualTo("[\"bot-1\",\"bot_2\"]");
        assertThat(issued.get("apps").toString()).isEqualTo("[\"app.one\"]");
        assertThat(issued.get("rateLimit").toString()).isEqualTo("{\"requestsPerSecond\":25}");
        assertThat(issued.get("createdAt").asText()).isNotBlank();
        for (String field : new String[] {"scopes", "agents", "apps", "rateLimit"}) {
            assertThat(principal.get(field)).as(field).isEqualTo(issued.get(field));
        }
        assertThat(principal.get("keyId")).isEqualTo(issued.get("id"));
    }

    @Test
    void emptyAgentAndAppListsMeanNoneAndNullMeansAny() {
        JsonNode issued = issue("{\"tenantId\":\"acme\",\"name\":\"none\",\"agents\":[],\"apps\":null}").body();
        JsonNode principal = as(issued.get("key").asText(), "GET", "/internal/v1/principal", null).body();

        assertThat(principal.get("agents").toString()).isEqualTo("[]");
        assertThat(principal.get("apps").isNull()).isTrue();
    }

    static Stream<Arguments> badKeys() {
        String base = "\"tenantId\":\"acme\",\"name\":\"bad\",";
        return Stream.of(
                Arguments.of("scopes", base + "\"scopes\":[]"),
                Arguments.of("scopes", base + "\"scopes\":\"sessions\""),
                Arguments.of("scopes", base + "\"scopes\":[\"admin\"]"),
                Arguments.of("scopes", base + "\"scopes\":[\"Sessions\"]"),
                Arguments.of("scopes", base + "\"scopes\":[\"audit\",\"audit\"]"),
                Arguments.of("scopes", base + "\"scopes\":[1]"),
                Arguments.of("agents", base + "\"agents\":\"bot-1\""),
                Arguments.of("agents", base + "\"agents\":[\"bot.1\"]"),
                Arguments.of("agents", base + "\"agents\":[\"\"]"),
                Arguments.of("agents", base + "\"agents\":[null]"),
                Arguments.of("agents", base + "\"agents\":[\"" + "a".repeat(65) + "\"]"),
                Arguments.of("agents", base + "\"agents\":[\"a\",\"a\"]"),
                Arguments.of("agents", base + "\"agents\":[" + "\"a\",".repeat(256) + "\"b\"]"),
                Arguments.of("apps", base + "\"apps\":{}"),
                Arguments.of("apps", base + "\"apps\":[\"a b\"]"),
                Arguments.of("apps", base + "\"apps\":[\"a,b\"]"),
                Arguments.of("apps", base + "\"apps\":[\"" + "a".repeat(129) + "\"]"),
                Arguments.of("rateLimit", base + "\"rateLimit\":10"),
                Arguments.of("rateLimit", base + "\"rateLimit\":{}"),
                Arguments.of("rateLimit", base + "\"rateLimit\":{\"requestsPerSecond\":0}"),
                Arguments.of("rateLimit", base + "\"rateLimit\":{\"requestsPerSecond\":100001}"),
                Arguments.of("rateLimit", base + "\"rateLimit\":{\"requestsPerSecond\":1.5}"),
                Arguments.of("rateLimit", base + "\"rateLimit\":{\"requestsPerSecond\":\"10\"}"),
                Arguments.of("rateLimit", base + "\"rateLimit\":{\"requestsPerSecond\":99999999999}"),
                Arguments.of("rateLimit", base + "\"rateLimit\":{\"requestsPerSecond\":5,\"burst\":9}"),
                Arguments.of("quota", base + "\"quota\":5"),
                Arguments.of("tenantId", "\"name\":\"bad\",\"scopes\":[\"audit\"]"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badKeys")
    void everyMalformedLimitIsRejectedByNameAndIssuesNothing(String field, String fields) {
        long before = jdbc.queryForObject("select count(*) from api_key", Long.class);

        Http.Response response = admin("POST", "/ledger/v1/api-keys", "{" + fields + "}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("code").asText()).isEqualTo("invalid_request");
        assertThat(response.body().get("description").asText()).contains(field);
        assertThat(jdbc.queryForObject("select count(*) from api_key", Long.class)).isEqualTo(before);
    }
}
