package io.sessionledger.query.api.ledger;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.projection.SessionInfoRepository;
import io.sessionledger.query.projection.SessionRow;
import io.sessionledger.query.support.ReadApiContext;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild fills a shadow while the live read model keeps serving reads with read-your-writes, then swaps it
 * in: the rows afterwards are the rows before plus the writes made meanwhile, nothing lost and nothing doubled,
 * not even what a dead-letter replay had applied.
 */
class ShadowRebuildIT extends ReadApiContext {

    private static final String PROGRESS = "/ledger/v1/projections/session-info";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadBarrier barrier;

    @Test
    void readsKeepTheirWritesWhileTheShadowFillsAndTheSwapLosesAndDoublesNothing() throws Exception {
        LedgerAdminClient client = new LedgerAdminClient(port);
        for (int i = 0; i < 400; i++) {
            PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-shadow-" + i)));
        }
        // A session a replay made whole: its update came before its creation, and both were dead-lettered.
        PRODUCER.send(envelope(1, Instant.now(), new UserAssociated("acme", "s-shadow-late", null, "c", null, null, "c")));
        PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-shadow-late")));
        assertReadsItsWrite(client, "s-shadow-399");
        assertThat(barrier.awaitAll()).as("the live projection is at the end of every partition").isTrue();
        assertThat(client.body(client.send("POST", "/ledger/v1/dead-letters/replay", ADMIN_KEY))
                .get("replayed").asLong()).isEqualTo(2);
        Map<String, SessionRow> before = rows();
        assertThat(before).containsKey("acme:s-shadow-late");

        HttpResponse<String> started = client.send("POST", PROGRESS + "/rebuild", ADMIN_KEY);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode status = client.body(started);
        List<String> writtenMeanwhile = new ArrayList<>();
        List<String> statesSeen = new ArrayList<>();
        for (int i = 0; i < 3_000 && !"done".equals(status.get("state").asText()); i++) {
            assertThat(status.get("state").asText()).as(status.toString()).isIn("running", "done");
            assertThat(status.get("eventsApplied").asLong()).isLessThanOrEqualTo(status.get("eventsToApply").asLong());
            assertThat(status.get("startedAt").isNull()).isFalse();
            statesSeen.add(status.get("state").asText());
            String id = "s-meanwhile-" + i;
            PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", id)));
            writtenMeanwhile.add(id);
            assertReadsItsWrite(client, id);
            status = client.body(client.send("GET", PROGRESS, ADMIN_KEY));
        }
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("done");
        assertThat(statesSeen).as("progress was reported while the shadow filled").contains("running");
        assertThat(status.get("eventsApplied").asLong()).isEqualTo(status.get("eventsToApply").asLong())
                .isGreaterThanOrEqualTo(400);
        assertThat(status.get("finishedAt").isNull()).isFalse();

        // The live consumer continues on the swapped table.
        PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-after-swap")));
        assertReadsItsWrite(client, "s-after-swap");
        assertThat(barrier.awaitAll()).isTrue();

        Map<String, SessionRow> after = rows();
        Map<String, SessionRow> expected = new HashMap<>(before);
        List<String> added = new ArrayList<>(writtenMeanwhile);
        added.add("s-after-swap");
        added.forEach(id -> expected.put("acme:" + id, after.get("acme:" + id)));
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        Map<String, String> changed = new TreeMap<>();
        expected.forEach((id, row) -> {
            if (!row.equals(after.get(id))) {
                changed.put(id, row + "\n  became " + after.get(id));
            }
        });
        assertThat(changed).as("rows the rebuild changed").isEmpty();
        added.forEach(id -> assertThat(after.get("acme:" + id)).as(id).isNotNull()
                .extracting(SessionRow::version).isEqualTo(0L));
        // Every read was answered from the read model: none had to ask the command side to create its session.
        assertThat(COMMAND_SIDE.ensureCalls).noneMatch(call -> added.contains(call.sessionId()));
    }

    private Map<String, SessionRow> rows() {
        Map<String, SessionRow> rows = new HashMap<>();
        jdbc.query("select " + SessionInfoRepository.COLUMNS + " from session_info", rs -> {
            SessionRow row = SessionInfoRepository.map(rs, 0);
            assertThat(rows.put(row.aggregateId(), row)).as("one row per session").isNull();
        });
        return rows;
    }

    /** The default read is read-your-writes: answered from the read model, never marked stale. */
    private void assertReadsItsWrite(LedgerAdminClient client, String sessionId) throws Exception {
        HttpResponse<String> read = client.send("GET", "/gks-server/v1/sessions/" + sessionId, "key-acme");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("x-ledger-consistency")).as(sessionId).isEmpty();
        assertThat(client.body(read).get("sessionId").asText()).isEqualTo(sessionId);
    }
}
