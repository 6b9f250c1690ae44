package io.sessionledger.query.api.ledger;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.projection.ProjectionConsumer;
import io.sessionledger.query.support.ReadApiContext;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation against the real topic and read model; the store's and publisher's figures come from the
 * (fake) command side, set here to what a store in each state would answer. The command side's own test
 * (StorePositionIT) shows a row written behind the publisher's back counted as passed but never sent.
 */
class ReconciliationIT extends ReadApiContext {

    private static final String PATH = "/ledger/v1/reconciliation";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProjectionConsumer consumer;

    @Autowired
    ReadBarrier barrier;

    @Test
    void onlyTheAdminKeyMayReconcile() throws Exception {
        LedgerAdminClient client = new LedgerAdminClient(port);
        assertThat(client.send("GET", PATH, "key-acme").statusCode()).isEqualTo(401);
        assertThat(client.send("GET", PATH, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aQuietSystemIsConsistentAndEachKindOfDifferenceIsNamed() throws Exception {
        LedgerAdminClient client = new LedgerAdminClient(port);
        PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-reconcile-1")));
        assertThat(client.send("GET", "/gks-server/v1/sessions/s-reconcile-1", "key-acme").statusCode()).isEqualTo(200);
        assertThat(barrier.awaitAll()).as("the projection is at the end of every partition").isTrue();
        long records = distinctEventsOnTopic(client);
        long sessions = jdbc.queryForObject("select count(*) from session_info", Long.class);

        COMMAND_SIDE.storePosition = store(records, records, sessions, records, 0);
        JsonNode quiet = reconcile(client);
        assertThat(quiet.get("differences")).as(quiet.toString()).isEmpty();
        assertThat(quiet.get("consistent").asBoolean()).isTrue();
        assertThat(quiet.at("/readModel/sessions").asLong()).isEqualTo(sessions);
        assertThat(quiet.at("/topic/events").asLong()).isEqualTo(records);
        quiet.at("/readModel/partitions").forEach(p -> assertThat(p.get("behind").asLong()).isZero());

        // A second copy of an event (sent at least once: a crash between Kafka's ack and its record): the read model
        // counts it as a copy, so the topic still holds exactly the store's events.
        long copiesBefore = quiet.at("/topic/copies").asLong();
        PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-reconcile-1")));
        assertThat(barrier.awaitAll()).isTrue();
        JsonNode copied = reconcile(client);
        assertThat(copied.get("differences")).as(copied.toString()).isEmpty();
        assertThat(copied.at("/topic/copies").asLong()).isEqualTo(copiesBefore + 1);
        assertThat(copied.at("/topic/records").asLong()).isEqualTo(quiet.at("/topic/records").asLong() + 1);
        assertThat(copied.at("/topic/events").asLong()).isEqualTo(records);

        // An event committed below the publisher's position that never reached the topic (the gap timeout).
        COMMAND_SIDE.storePosition = store(records + 1, records, sessions + 1, records + 1, 0);
        assertDifference(reconcile(client), "1 event(s) the publisher has gone past are not on the topic",
                "never published");

        // Events committed but not yet published.
        COMMAND_SIDE.storePosition = store(records + 2, records + 2, sessions, records, 2);
        assertDifference(reconcile(client), "2 event(s) are committed in the store but not yet published");

        // More distinct events on the topic than in the store: not from this store.
        COMMAND_SIDE.storePosition = store(records - 1, records - 1, sessions, records - 1, 0);
        assertDifference(reconcile(client), "the topic holds 1 record(s) more than", "not from this store");

        // Sessions the read model lacks although it projected everything.
        COMMAND_SIDE.storePosition = store(records, records, sessions + 3, records, 0);
        assertDifference(reconcile(client), "the store holds " + (sessions + 3) + " session(s), the read model "
                + sessions);

        // The read model behind the topic: a record the stopped projection has not read.
        consumer.stop();
        try {
            PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-reconcile-2")));
            COMMAND_SIDE.storePosition = store(records + 1, records + 1, sessions + 1, records + 1, 0);
            assertDifference(reconcile(client), "1 record(s) are not yet in the read model");
        } finally {
            consumer.start();
        }
        assertThat(client.send("GET", "/gks-server/v1/sessions/s-reconcile-2", "key-acme").statusCode()).isEqualTo(200);
        assertThat(barrier.awaitAll()).isTrue();
        COMMAND_SIDE.storePosition = store(records + 1, records + 1, sessions + 1, records + 1, 0);
        assertThat(reconcile(client).get("consistent").asBoolean()).isTrue();
    }

    @Test
    void deadLettersAreInTheReportAndTheAdminReplaysThem() throws Exception {
        LedgerAdminClient client = new LedgerAdminClient(port);
        // An update on the topic before its session's creation, as a rebuilt topic can hold them.
        PRODUCER.send(envelope(1, Instant.now(), new UserAssociated("acme", "s-dead-1", null, "cust-d", null, null, "d")));
        PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-dead-1")));
        assertThat(barrier.awaitAll()).isTrue();
        COMMAND_SIDE.storePosition = store(0, 0, 0, 0, 0);

        JsonNode waiting = reconcile(client).at("/readModel/deadLetters");
        assertThat(waiting.get("topic").asText()).isEqualTo("session-events.dlq");
        assertThat(waiting.get("waiting").asLong()).isEqualTo(2);
        assertThat(waiting.at("/byReason/orphan").asLong()).isEqualTo(1);
        assertThat(waiting.at("/byReason/behind-dead-letter").asLong()).isEqualTo(1);
        assertDifference(reconcile(client), "2 record(s) of the topic could not be applied and wait in the "
                + "dead-letter topic session-events.dlq");
        assertThat(client.send("GET", "/ledger/v1/dead-letters", "key-acme").statusCode()).isEqualTo(401);
        assertThat(client.send("POST", "/ledger/v1/dead-letters/replay", "key-acme").statusCode()).isEqualTo(401);
        JsonNode listed = client.body(client.send("GET", "/ledger/v1/dead-letters", ADMIN_KEY));
        assertThat(listed.at("/first/0/key").asText()).isEqualTo("acme:s-dead-1");
        assertThat(listed.at("/first/0/reason").asText()).isEqualTo("orphan");

        HttpResponse<String> replay = client.send("POST", "/ledger/v1/dead-letters/replay", ADMIN_KEY);

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(client.body(replay).get("replayed").asLong()).isEqualTo(2);
        JsonNode after = reconcile(client).at("/readModel/deadLetters");
        assertThat(after.get("waiting").asLong()).isZero();
        assertThat(after.get("replayed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select customer_id from session_info where aggregate_id = 'acme:s-dead-1'",
                String.class)).isEqualTo("cust-d");
    }

    private long distinctEventsOnTopic(LedgerAdminClient client) throws Exception {
        COMMAND_SIDE.storePosition = store(0, 0, 0, 0, 0);
        return reconcile(client).at("/topic/events").asLong();
    }

    private JsonNode reconcile(LedgerAdminClient client) throws Exception {
        HttpResponse<String> response = client.send("GET", PATH, ADMIN_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.body(response);
    }

    private static void assertDifference(JsonNode report, String... phrases) {
        assertThat(report.get("consistent").asBoolean()).as(report.toString()).isFalse();
        List<String> differences = new java.util.ArrayList<>();
        report.get("differences").forEach(d -> differences.add(d.asText()));
        assertThat(differences).as(report.toString()).anySatisfy(d -> assertThat(d).contains(phrases));
    }

    private static Map<String, Object> store(long events, long head, long sessions, long passed, long behind) {
        return Map.of("events", events, "highestGlobalIndex", head, "sessions", sessions,
                "publisher", Map.of("processor", "kafka-publisher", "position", head, "gaps", List.of(),
                        "eventsPassed", passed, "eventsBehind", behind));
    }
}
