package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** History from the event store and time travel, through the ledger API, with the audit scope's rules. */
class AuditHistoryIT extends AuditContext {

    @Test
    void historyListsEveryEventInOrderWithItsMetadataAndChainedHashes() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);

        JsonNode events = history(key, id);

        assertThat(events).hasSize(4);
        assertThat(events.findValuesAsText("type"))
                .containsExactly("SessionCreated", "UserAssociated", "UserAssociated", "UserAssociated");
        String previous = "0".repeat(64);
        for (int i = 0; i < 4; i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("previousHash").asText()).isEqualTo(previous);
            assertThat(event.get("hash").asText()).matches("[0-9a-f]{64}");
            assertThat(event.get("leafIndex").isIntegralNumber()).isTrue();
            assertThat(event.get("position").asLong()).isPositive();
            assertThat(event.path("actor").path("tenantId").asText()).isEqualTo("acme");
            assertThat(event.path("actor").path("apiKeyId").asText()).startsWith("k-");
            assertThat(event.get("api").asText()).isEqualTo("genesys-v1");
            assertThat(event.get("requestId").asText()).isNotBlank();
            assertThat(event.get("correlationId").asText()).isNotBlank();
            assertThat(event.path("data").path("sessionId").asText()).isEqualTo(id);
            previous = event.get("hash").asText();
        }
        assertThat(events.get(1).get("leafIndex").asLong()).isGreaterThan(events.get(0).get("leafIndex").asLong());
        // The data as stored, which the hashes cover: personal data sealed (PersonalDataIT opens it).
        assertThat(events.get(1).path("data").path("customerId").asText()).startsWith("enc:v1:");
    }

    @Test
    void historyPagesWithACursor() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);

        Http.Response first = as(key, "GET", "/ledger/v1/sessions/" + id + "/events?limit=3", null);
        String next = first.body().get("next").asText();
        Http.Response second = as(key, "GET", "/ledger/v1/sessions/" + id + "/events?limit=3&after=" + next, null);

        assertThat(first.body().get("events")).hasSize(3);
        assertThat(second.body().get("events")).hasSize(1);
        assertThat(second.body().get("events").get(0).get("sequence").asLong()).isEqualTo(3);
        assertThat(second.body().get("next").isNull()).isTrue();
        assertThat(as(key, "GET", "/ledger/v1/sessions/" + id + "/events?limit=0", null).status()).isEqualTo(400);
        assertThat(as(key, "GET", "/ledger/v1/sessions/" + id + "/events?after=x", null).status()).isEqualTo(400);
    }

    @Test
    void aTenantSeesOnlyItsSessionsTheAdminAnyAndAKeyWithoutTheAuditScopeNone() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        String neighbour = keyOf("globex");
        String sessionsOnly = issue("{\"tenantId\":\"acme\",\"name\":\"writer\",\"scopes\":[\"sessions\"]}")
                .body().get("key").asText();

        Http.Response other = as(neighbour, "GET", "/ledger/v1/sessions/" + id + "/events", null);
        Http.Response otherByName = as(neighbour, "GET", "/ledger/v1/sessions/" + id + "/events?tenantId=acme", null);
        Http.Response unscoped = as(sessionsOnly, "GET", "/ledger/v1/sessions/" + id + "/events", null);
        Http.Response adminWithout = admin("GET", "/ledger/v1/sessions/" + id + "/events", null);
        Http.Response adminWith = admin("GET", "/ledger/v1/sessions/" + id + "/events?tenantId=acme", null);

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body().get("code").asText()).isEqualTo("not_found");
        assertThat(otherByName.status()).isEqualTo(403);
        assertThat(unscoped.status()).isEqualTo(403);
        assertThat(unscoped.body().get("description").asText()).contains("audit");
        assertThat(adminWithout.status()).isEqualTo(400);
        assertThat(adminWith.status()).isEqualTo(200);
        assertThat(adminWith.body().get("events")).hasSize(4);
        assertThat(as(sessionsOnly, "GET", "/ledger/v1/log/checkpoint", null).status()).isEqualTo(403);
        assertThat(as(sessionsOnly, "GET", "/ledger/v1/sessions/" + id + "/verify", null).status()).isEqualTo(403);
        assertThat(as(key, "POST", "/ledger/v1/verify", null).status()).isEqualTo(401);
    }

    @Test
    void asOfFoldsTheEventsUpToThatInstant() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        JsonNode events = history(key, id);
        Instant created = Instant.parse(events.get(0).get("occurredAt").asText());
        Instant associated = Instant.parse(events.get(1).get("occurredAt").asText());
        Instant last = Instant.parse(events.get(3).get("occurredAt").asText());

        Http.Response before = as(key, "GET", "/ledger/v1/sessions/" + id + "?asOf=" + created.minusMillis(1), null);
        Http.Response atCreation = as(key, "GET", "/ledger/v1/sessions/" + id + "?asOf=" + associated.minusMillis(1), null);
        Http.Response atEnd = as(key, "GET", "/ledger/v1/sessions/" + id + "?asOf=" + last, null);
        Http.Response bad = as(key, "GET", "/ledger/v1/sessions/" + id + "?asOf=yesterday", null);

        assertThat(before.status()).isEqualTo(404);
        assertThat(atCreation.status()).as(atCreation.raw().body()).isEqualTo(200);
        assertThat(atCreation.body().path("session").path("version").asLong()).isEqualTo(0);
        assertThat(atCreation.body().path("session").path("customerId").isMissingNode()
                || atCreation.body().path("session").path("customerId").isNull()).isTrue();
        assertThat(atEnd.body().path("session").path("version").asLong()).isEqualTo(3);
        assertThat(atEnd.body().path("session").path("customerId").asText()).isEqualTo("c-" + id);
        assertThat(atEnd.body().path("session").path("agentId").asText()).isEqualTo("a-1");
        assertThat(atEnd.body().path("session").path("visitId").asText()).isEqualTo("v-" + id);
        assertThat(atEnd.body().get("deleted").asBoolean()).isFalse();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(as(key, "GET", "/ledger/v1/sessions/never-was", null).status()).isEqualTo(404);
    }
}
