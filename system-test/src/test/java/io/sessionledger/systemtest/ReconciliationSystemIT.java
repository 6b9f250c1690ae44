package io.sessionledger.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.deploy.RunningSystem;
import io.sessionledger.systemtest.LedgerClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation through the edge on the whole system: consistent once quiet, and an event row written into
 * the store below the publisher's position (what Axon's gap timeout leaves behind) is reported as never published.
 */
class ReconciliationSystemIT {

    @Test
    void anEventThePublisherPassedWithoutSendingIsReported() throws Exception {
        RunningSystem system = SharedLedger.system();
        LedgerClient client = new LedgerClient(system.baseUrl());
        Reply issued = client.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"reconcile\"}",
                "x-api-key", system.adminKey());
        String key = issued.body().path("key").asText();
        Reply created = client.send("PUT", "/gks-server/v1/sessions/new", "{}", "x-api-key", key);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String sessionId = created.body().path("sessionId").asText();
        assertThat(client.send("GET", "/gks-server/v1/sessions/" + sessionId, null, "x-api-key", key).status())
                .isEqualTo(200);

        assertThat(client.send("GET", "/ledger/v1/reconciliation", null, "x-api-key", key).status()).isEqualTo(401);
        JsonNode quiet = reconcileWhenSettled(client, system.adminKey());
        assertThat(quiet.path("consistent").asBoolean()).as(quiet.toString()).isTrue();

        long below = SharedLedger.query("select min(global_index) - 1 from domain_event_entry");
        SharedLedger.query("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload, meta_data) values (" + below + ", '"
                + UUID.randomUUID() + "', 'acme:gap-" + UUID.randomUUID() + "', 0, 'Session', "
                + "'2026-03-01T10:00:00Z', 'io.sessionledger.events.session.SessionCreated', '\\x7b7d', '\\x7b7d')");
        try {
            JsonNode gap = reconcile(client, system.adminKey());
            assertThat(gap.path("consistent").asBoolean()).as(gap.toString()).isFalse();
            List<String> differences = new ArrayList<>();
            gap.path("differences").forEach(d -> differences.add(d.asText()));
            assertThat(differences).as(gap.toString())
                    .anySatisfy(d -> assertThat(d).contains("1 event(s) the publisher has gone past are not on the "
                            + "topic", "never published"));
        } finally {
            SharedLedger.query("delete from domain_event_entry where global_index = " + below);
        }
    }

    /** Other system tests may still be writing: asks again (bounded) until nothing is in flight. */
    private static JsonNode reconcileWhenSettled(LedgerClient client, String adminKey) throws Exception {
        JsonNode report = null;
        for (int i = 0; i < 100; i++) {
            report = reconcile(client, adminKey);
            if (report.path("consistent").asBoolean()) {
                return report;
            }
            Thread.sleep(100);
        }
        return report;
    }

    private static JsonNode reconcile(LedgerClient client, String adminKey) throws Exception {
        Reply reply = client.send("GET", "/ledger/v1/reconciliation", null, "x-api-key", adminKey);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }
}
