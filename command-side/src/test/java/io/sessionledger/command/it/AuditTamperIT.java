package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.command.audit.StoredEvent;
import io.sessionledger.proofs.EventContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Verification catches every kind of tampering done straight in the database, and says which event and why.
 * Each test puts the rows back afterwards, so the shared ledger verifies again for the tests that follow.
 */
class AuditTamperIT extends AuditContext {


    @Test
    void anUntouchedSessionVerifies() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);

        JsonNode result = verify(key, id);

        assertThat(result.get("valid").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("eventsChecked").asLong()).isEqualTo(4);
        assertThat(result.get("headHash").asText()).isEqualTo(history(key, id).get(3).get("hash").asText());
    }

    @Test
    void anAlteredPayloadIsCaught() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        byte[] original = column("payload", id, 1);
        String forged = new String(original, StandardCharsets.UTF_8).replace("\"customerId\":\"enc:v1:", "\"customerId\":\"enc:v1:0");
        assertThat(forged).isNotEqualTo(new String(original, StandardCharsets.UTF_8));

        jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 1",
                forged.getBytes(StandardCharsets.UTF_8), "acme:" + id);
        try {
            assertFailure(verify(key, id), "altered", 1);
            JsonNode whole = verifyWholeLedger();
            assertThat(whole.path("result").path("valid").asBoolean()).isFalse();
            assertThat(whole.path("result").path("failure").path("reason").asText()).isEqualTo("altered");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 1",
                    original, "acme:" + id);
        }
        assertThat(verify(key, id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void alteredMetadataIsCaught() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        byte[] original = column("meta_data", id, 2);
        String forged = new String(original, StandardCharsets.UTF_8).replace("\"tenantId\":\"acme\"", "\"tenantId\":\"globex\"");
        assertThat(forged).isNotEqualTo(new String(original, StandardCharsets.UTF_8));

        jdbc.update("update domain_event_entry set meta_data = ? where aggregate_identifier = ? and sequence_number = 2",
                forged.getBytes(StandardCharsets.UTF_8), "acme:" + id);
        try {
            assertFailure(verify(key, id), "altered", 2);
        } finally {
            jdbc.update("update domain_event_entry set meta_data = ? where aggregate_identifier = ? and sequence_number = 2",
                    original, "acme:" + id);
        }
        assertThat(verify(key, id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aDeletedEventIsCaughtInTheMiddleAndAtTheEnd() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        for (long sequence : new long[] {1, 3}) {
            Map<String, Object> row = jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? "
                    + "and sequence_number = ?", "acme:" + id, sequence);
            jdbc.update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                    "acme:" + id, sequence);
            try {
                assertFailure(verify(key, id), "removed", sequence);
            } finally {
                reinsert(row);
            }
        }
        assertThat(verify(key, id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void twoSwappedEventsAreCaught() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);

        swap(id, 1, 2);
        try {
            JsonNode result = verify(key, id);
            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.path("failure").path("reason").asText()).isEqualTo("reordered");
        } finally {
            swap(id, 1, 2);
        }
        assertThat(verify(key, id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void anInsertedEventIsCaught() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        Map<String, Object> copy = jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 3", "acme:" + id);
        copy.remove("global_index");
        copy.put("event_identifier", UUID.randomUUID().toString());
        copy.put("sequence_number", 4L);

        reinsert(copy);
        try {
            assertFailure(verify(key, id), "inserted", 4);
        } finally {
            jdbc.update("delete from domain_event_entry where event_identifier = ?", copy.get("event_identifier"));
        }
        assertThat(verify(key, id).get("valid").asBoolean()).isTrue();
    }

    /**
     * The whole ledger is checked in ranges of sessions side by side; the failure it reports is still the first in
     * session order, whichever range finds its own first: here the lower-id one of two altered sessions lying far
     * apart in the store, every time.
     */
    @Test
    void theWholeLedgerNamesTheFirstAlteredSessionInIdOrder() {
        String key = keyOf("acme");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(sessionWithFourEvents(key));
        }
        List<String> ordered = jdbc.queryForList("select aggregate_identifier from domain_event_entry where "
                + "aggregate_identifier = any(?) and sequence_number = 0 order by aggregate_identifier", String.class,
                (Object) ids.stream().map(id -> "acme:" + id).toArray(String[]::new));
        String lowest = ordered.get(0).substring("acme:".length());
        String highest = ordered.get(ordered.size() - 1).substring("acme:".length());
        byte[] lowOriginal = column("payload", lowest, 2);
        byte[] highOriginal = column("payload", highest, 1);
        String alter = "update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = ?";
        jdbc.update(alter, (new String(highOriginal, StandardCharsets.UTF_8) + " ").replace("{", "{\"x\":1,")
                .getBytes(StandardCharsets.UTF_8), "acme:" + highest, 1);
        jdbc.update(alter, (new String(lowOriginal, StandardCharsets.UTF_8)).replace("{", "{\"x\":1,")
                .getBytes(StandardCharsets.UTF_8), "acme:" + lowest, 2);
        try {
            for (int run = 0; run < 3; run++) {
                JsonNode failure = verifyWholeLedger().path("result").path("failure");
                assertThat(failure.path("reason").asText()).as(failure.toString()).isEqualTo("altered");
                assertThat(failure.path("aggregateId").asText()).as(failure.toString()).isEqualTo("acme:" + lowest);
                assertThat(failure.path("sequence").asLong()).as(failure.toString()).isEqualTo(2);
            }
        } finally {
            jdbc.update(alter, lowOriginal, "acme:" + lowest, 2);
            jdbc.update(alter, highOriginal, "acme:" + highest, 1);
        }
        assertThat(verifyWholeLedger().path("result").path("valid").asBoolean()).isTrue();
    }

    @Test
    void theWholeLedgerVerifiesWhenNothingWasTouched() {
        sessionWithFourEvents(keyOf("acme"));

        JsonNode run = verifyWholeLedger();

        assertThat(run.path("result").path("valid").asBoolean()).as(run.toString()).isTrue();
        assertThat(run.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(run.get("checkpointsChecked").asLong()).isPositive();
    }

    /**
     * Someone who edits an event and recomputes its session's chain passes the session check: the signed
     * checkpoints still hold the old leaves, and the whole-ledger verification finds the log no longer matches.
     */
    @Test
    void aRecomputedChainIsCaughtByTheSignedLog() {
        String key = keyOf("acme");
        String id = sessionWithFourEvents(key);
        long lastLeaf = history(key, id).get(3).get("leafIndex").asLong();
        awaitCheckpointCovering(lastLeaf);
        byte[] original = column("payload", id, 3);
        List<Map<String, Object>> hashes = jdbc.queryForList("select global_index, hash, previous_hash from event_hash "
                + "where aggregate_id = ? order by sequence_number", "acme:" + id);
        String forged = new String(original, StandardCharsets.UTF_8).replace("\"visitId\":\"enc:v1:", "\"visitId\":\"enc:v1:0");
        jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 3",
                forged.getBytes(StandardCharsets.UTF_8), "acme:" + id);
        rechain(id);
        try {
            assertThat(verify(key, id).get("valid").asBoolean()).as("the session alone cannot tell").isTrue();
            JsonNode whole = verifyWholeLedger();
            assertThat(whole.path("result").path("valid").asBoolean()).as(whole.toString()).isFalse();
            assertThat(whole.path("result").path("failure").path("reason").asText()).isEqualTo("log");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 3",
                    original, "acme:" + id);
            for (Map<String, Object> row : hashes) {
                jdbc.update("update event_hash set hash = ?, previous_hash = ? where global_index = ?", row.get("hash"),
                        row.get("previous_hash"), row.get("global_index"));
            }
        }
        assertThat(verifyWholeLedger().path("result").path("valid").asBoolean()).isTrue();
    }

    /** What a forger would do: recompute every hash of the session from the (edited) stored rows. */
    private void rechain(String id) {
        String previous = EventContent.GENESIS;
        List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + StoredEvent.FROM
                + " where e.aggregate_identifier = ? order by e.sequence_number", StoredEvent::read, "acme:" + id);
        for (StoredEvent event : events) {
            String hash = event.content().hash(previous);
            jdbc.update("update event_hash set hash = ?, previous_hash = ? where global_index = ?", hash, previous,
                    event.position());
            previous = hash;
        }
    }

    private void awaitCheckpointCovering(long leaf) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Long size = jdbc.queryForObject("select coalesce(max(tree_size), 0) from log_checkpoint", Long.class);
            if (size > leaf || System.nanoTime() > deadline) {
                assertThat(size).as("a checkpoint covering leaf %d", leaf).isGreaterThan(leaf);
                return;
            }
            pause();
        }
    }

    private JsonNode verifyWholeLedger() {
        Http.Response started = admin("POST", "/ledger/v1/verify", null);
        assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
        String location = started.header("location");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode run = admin("GET", location, null).body();
            if (!run.get("state").asText().equals("running") || System.nanoTime() > deadline) {
                assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("done");
                return run;
            }
            pause();
        }
    }

    private static void assertFailure(JsonNode result, String reason, long sequence) {
        assertThat(result.get("valid").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("failure").path("reason").asText()).as(result.toString()).isEqualTo(reason);
        assertThat(result.path("failure").path("sequence").asLong()).as(result.toString()).isEqualTo(sequence);
        assertThat(result.path("failure").path("detail").asText()).isNotBlank();
    }

    private byte[] column(String column, String id, long sequence) {
        return jdbc.queryForObject("select " + column + " from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, "acme:" + id, sequence);
    }

    private void swap(String id, long a, long b) {
        String move = "update domain_event_entry set sequence_number = ? where aggregate_identifier = ? and sequence_number = ?";
        jdbc.update(move, -1L, "acme:" + id, a);
        jdbc.update(move, a, "acme:" + id, b);
        jdbc.update(move, b, "acme:" + id, -1L);
    }

    private void reinsert(Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
        jdbc.update("insert into domain_event_entry (" + columns + ") values (" + marks + ")", row.values().toArray());
    }
}
