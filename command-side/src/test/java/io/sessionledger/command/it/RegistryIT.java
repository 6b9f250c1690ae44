package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Registering agents and app environments (admin), and the query side's lookups of them (tenant key). */
class RegistryIT extends AdminApiContext {

    @Test
    void anAgentIsCreatedOnceThenItsNameIsReplaced() {
        Http.Response created = admin("PUT", "/ledger/v1/agents/support-bot", "{\"tenantId\":\"acme\",\"name\":\"Support\"}");
        Http.Response again = admin("PUT", "/ledger/v1/agents/support-bot", "{\"tenantId\":\"acme\",\"name\":\"Help desk\"}");
        Http.Response read = admin("GET", "/ledger/v1/agents/support-bot?tenantId=acme", null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("agentKey").asText()).isEqualTo("support-bot");
        assertThat(created.body().get("tenantId").asText()).isEqualTo("acme");
        assertThat(created.body().get("name").asText()).isEqualTo("Support");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("name").asText()).isEqualTo("Help desk");
        assertThat(again.body().get("createdAt")).isEqualTo(created.body().get("createdAt"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(again.body());
    }

    @Test
    void twoTenantsMayRegisterTheSameAgentKey() {
        assertThat(admin("PUT", "/ledger/v1/agents/shared", "{\"tenantId\":\"acme\",\"name\":\"A\"}").status()).isEqualTo(201);
        assertThat(admin("PUT", "/ledger/v1/agents/shared", "{\"tenantId\":\"globex\",\"name\":\"G\"}").status()).isEqualTo(201);
        assertThat(admin("GET", "/ledger/v1/agents/shared?tenantId=globex", null).body().get("name").asText()).isEqualTo("G");
        assertThat(admin("GET", "/ledger/v1/agents/shared?tenantId=initech", null).status()).isEqualTo(404);
    }

    @Test
    void anAppEnvironmentIsCreatedOnceAndBelongsToItsTenant() {
        Http.Response created = admin("PUT", "/ledger/v1/apps/st-app.1/environments/prod", "{\"tenantId\":\"acme\"}");
        Http.Response again = admin("PUT", "/ledger/v1/apps/st-app.1/environments/prod", "{\"tenantId\":\"acme\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("appId").asText()).isEqualTo("st-app.1");
        assertThat(created.body().get("environment").asText()).isEqualTo("prod");
        assertThat(created.body().get("tenantId").asText()).isEqualTo("acme");
        assertThat(created.body().get("createdAt").asText()).isNotBlank();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(created.body());
        assertThat(admin("GET", "/ledger/v1/apps/st-app.1/environments/prod?tenantId=acme", null).body())
                .isEqualTo(created.body());
        assertThat(admin("GET", "/ledger/v1/apps/st-app.1/environments/prod?tenantId=globex", null).status()).isEqualTo(404);
        assertThat(admin("GET", "/ledger/v1/apps/st-app.1/environments/dev?tenantId=acme", null).status()).isEqualTo(404);
    }

    @Test
    void theRegistryNeedsTheAdminKey() {
        String tenantKey = keyOf("acme");
        assertThat(as(tenantKey, "PUT", "/ledger/v1/agents/a1", "{\"tenantId\":\"acme\",\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(as(tenantKey, "GET", "/ledger/v1/agents/a1?tenantId=acme", null).status()).isEqualTo(401);
        assertThat(as(tenantKey, "PUT", "/ledger/v1/apps/a/environments/e", "{\"tenantId\":\"acme\"}").status()).isEqualTo(401);
        assertThat(as(tenantKey, "GET", "/ledger/v1/apps/a/environments/e?tenantId=acme", null).status()).isEqualTo(401);
        // Spring matches decoded paths: an encoded letter must not slip a tenant key past the admin check.
        assertThat(as(tenantKey, "PUT", "/ledger/v1/%61gents/a1", "{\"tenantId\":\"acme\",\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(as(tenantKey, "POST", "/ledger/v1/%61pi-keys", "{\"tenantId\":\"globex\",\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(as(tenantKey, "PUT", "/ledger/v1/agents;x=1/a1", "{\"tenantId\":\"acme\",\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(http.send("PUT", "/ledger/v1/agents/a1", "{\"tenantId\":\"acme\",\"name\":\"x\"}",
                Map.of("content-type", "application/json")).status()).isEqualTo(401);
        assertThat(as(tenantKey, "PUT", "/ledger/v1/apps/../environments/prod", "{\"tenantId\":\"acme\"}").status()).isEqualTo(401);
        // Nor may a dot segment make an admin path look like one that needs no key at all.
        assertThat(http.send("POST", "/actuator/../ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"x\"}",
                Map.of("content-type", "application/json")).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from registered_agent where agent_key = 'a1'", Long.class)).isZero();
    }

    @Test
    void lookupsSeeOnlyTheKeysOwnTenant() {
        admin("PUT", "/ledger/v1/agents/only-globex", "{\"tenantId\":\"globex\",\"name\":\"G\"}");
        admin("PUT", "/ledger/v1/apps/kore-app/environments/dev", "{\"tenantId\":\"globex\"}");
        String acme = keyOf("acme");
        String globex = keyOf("globex");

        Http.Response agent = as(globex, "GET", "/internal/v1/registry/agents/only-globex", null);
        Http.Response app = as(globex, "GET", "/internal/v1/registry/apps/kore-app/environments/dev", null);

        assertThat(agent.status()).isEqualTo(200);
        assertThat(agent.body().toString()).isEqualTo("{\"agentKey\":\"only-globex\",\"tenantId\":\"globex\",\"name\":\"G\"}");
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body().toString()).isEqualTo("{\"appId\":\"kore-app\",\"environment\":\"dev\",\"tenantId\":\"globex\"}");
        assertThat(as(acme, "GET", "/internal/v1/registry/agents/only-globex", null).status()).isEqualTo(404);
        assertThat(as(acme, "GET", "/internal/v1/registry/apps/kore-app/environments/dev", null).status()).isEqualTo(404);
        assertThat(as(ADMIN_KEY, "GET", "/internal/v1/registry/agents/only-globex", null).status()).isEqualTo(401);
    }

    @Test
    void aRegistrationCountsOnTheVeryNextLookup() {
        String acme = keyOf("acme");
        assertThat(as(acme, "GET", "/internal/v1/registry/agents/late-agent", null).status()).isEqualTo(404);
        assertThat(as(acme, "GET", "/internal/v1/registry/apps/late/environments/prod", null).status()).isEqualTo(404);

        admin("PUT", "/ledger/v1/agents/late-agent", "{\"tenantId\":\"acme\",\"name\":\"Late\"}");
        admin("PUT", "/ledger/v1/apps/late/environments/prod", "{\"tenantId\":\"acme\"}");

        assertThat(as(acme, "GET", "/internal/v1/registry/agents/late-agent", null).status()).isEqualTo(200);
        assertThat(as(acme, "GET", "/internal/v1/registry/apps/late/environments/prod", null).status()).isEqualTo(200);
    }

    static Stream<Arguments> badRegistrations() {
        String agent = "/ledger/v1/agents/";
        String app = "/ledger/v1/apps/";
        return Stream.of(
                Arguments.of("agent key too long", "PUT", agent + "a".repeat(65), "{\"tenantId\":\"acme\",\"name\":\"n\"}"),
                Arguments.of("agent key with a dot", "PUT", agent + "a.b", "{\"tenantId\":\"acme\",\"name\":\"n\"}"),
                Arguments.of("agent key with a space", "PUT", agent + "a%20b", "{\"tenantId\":\"acme\",\"name\":\"n\"}"),
                Arguments.of("no tenant", "PUT", agent + "ok", "{\"name\":\"n\"}"),
                Arguments.of("upper-case tenant", "PUT", agent + "ok", "{\"tenantId\":\"ACME\",\"name\":\"n\"}"),
                Arguments.of("tenant not a string", "PUT", agent + "ok", "{\"tenantId\":7,\"name\":\"n\"}"),
                Arguments.of("no name", "PUT", agent + "ok", "{\"tenantId\":\"acme\"}"),
                Arguments.of("blank name", "PUT", agent + "ok", "{\"tenantId\":\"acme\",\"name\":\"  \"}"),
                Arguments.of("name too long", "PUT", agent + "ok", "{\"tenantId\":\"acme\",\"name\":\"" + "n".repeat(201) + "\"}"),
                Arguments.of("name with a control character", "PUT", agent + "ok", "{\"tenantId\":\"acme\",\"name\":\"a\\u0007b\"}"),
                Arguments.of("unknown agent field", "PUT", agent + "ok", "{\"tenantId\":\"acme\",\"name\":\"n\",\"x\":1}"),
                Arguments.of("no body", "PUT", agent + "ok", null),
                Arguments.of("agent read without tenant", "GET", agent + "ok", null),
                Arguments.of("app id with a space", "PUT", app + "a%20b/environments/prod", "{\"tenantId\":\"acme\"}"),
                Arguments.of("app id too long", "PUT", app + "a".repeat(129) + "/environments/prod", "{\"tenantId\":\"acme\"}"),
                Arguments.of("environment with a bang", "PUT", app + "a/environments/pr!d", "{\"tenantId\":\"acme\"}"),
                Arguments.of("environment too long", "PUT", app + "a/environments/" + "e".repeat(65), "{\"tenantId\":\"acme\"}"),
                Arguments.of("app id of two dots", "PUT", app + "../environments/prod", "{\"tenantId\":\"acme\"}"),
                Arguments.of("environment of one dot", "PUT", app + "a/environments/.", "{\"tenantId\":\"acme\"}"),
                Arguments.of("app without tenant", "PUT", app + "a/environments/prod", "{}"),
                Arguments.of("unknown app field", "PUT", app + "a/environments/prod", "{\"tenantId\":\"acme\",\"name\":\"n\"}"),
                Arguments.of("app read with a bad tenant", "GET", app + "a/environments/prod?tenantId=A%20B", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badRegistrationsAreRejectedAndStoreNothing(String name, String method, String path, String body) {
        long before = registered();

        Http.Response response = admin(method, path, body);

        assertThat(response.status()).as(name).isEqualTo(400);
        assertThat(response.body().get("code").asText()).as(name).isEqualTo("invalid_request");
        assertThat(response.body().get("description").asText()).as(name).isNotBlank().doesNotContain("Exception");
        assertThat(registered()).as(name).isEqualTo(before);
    }

    private long registered() {
        return jdbc.queryForObject("select (select count(*) from registered_agent) "
                + "+ (select count(*) from registered_app_environment)", Long.class);
    }
}
