package io.sessionledger.faults.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.faults.load.Kind;
import io.sessionledger.faults.load.Op;
import io.sessionledger.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks catch what they are there to catch: each test breaks one promise in an otherwise consistent
 * history (one session, created then handed over) and expects exactly that invariant to say so.
 */
class VerdictTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "s-1";
    private static final String AGGREGATE = "t:" + SESSION;

    private final List<StoredEvent> events = new ArrayList<>(List.of(
            event(1, "e-1", 0, "SessionCreated", "{\"parties\":{\"agentId\":\"a-1\"},\"keys\":{\"visitId\":\"v-1\"}}", "r-create"),
            event(2, "e-2", 1, "UserAssociated", "{\"agentId\":\"a-2\"}", "r-handover")));
    private final List<Op> ops = new ArrayList<>(List.of(
            write(Kind.GENESYS_CREATE, "r-create", 0, 10, 200, 0L, "a-1"),
            write(Kind.GENESYS_ASSOCIATE, "r-handover", 20, 30, 200, 1L, "a-2"),
            read(1, "r-read", 40, 50, 1L, false)));
    private final Map<String, ProjectedSession> readModel = new HashMap<>(Map.of(AGGREGATE, row(1, "a-2")));
    private final List<String[]> claims = new ArrayList<>(List.<String[]>of(new String[] {"visitId", AGGREGATE}));
    private final List<TopicReader.Read> topic = new ArrayList<>(List.of(record("e-1", 0, 0), record("e-2", 1, 1)));

    @Test
    void aConsistentHistoryBreaksNothing() {
        assertThat(broken()).isEmpty();
    }

    @Test
    void anAcknowledgedWriteMissingFromTheStoreIsFound() {
        events.remove(1);
        readModel.put(AGGREGATE, row(0, "a-1"));
        topic.remove(1);
        assertThat(broken()).containsExactly("acknowledged-writes-stored-once");
    }

    @Test
    void aWriteStoredTwiceIsFound() {
        events.add(event(3, "e-3", 2, "UserAssociated", "{\"agentId\":\"a-2\"}", "r-handover"));
        readModel.put(AGGREGATE, row(2, "a-2"));
        topic.add(record("e-3", 2, 2));
        assertThat(broken()).containsExactly("acknowledged-writes-stored-once");
    }

    @Test
    void aFailedWriteStoredTwiceIsFoundAndOneStoredOnceIsCounted() {
        ops.add(write(Kind.GENESYS_ASSOCIATE, "r-lost-answer", 60, 70, -1, null, "a-3"));
        events.add(event(3, "e-3", 2, "UserAssociated", "{\"agentId\":\"a-3\"}", "r-lost-answer"));
        readModel.put(AGGREGATE, row(2, "a-3"));
        topic.add(record("e-3", 2, 2));
        Verdict once = verdict();
        assertThat(names(once)).isEmpty();
        assertThat(check(once, "unacknowledged-writes-at-most-once").notes()).anyMatch(note -> note.contains("1 of them were applied"));

        events.add(event(4, "e-4", 3, "UserAssociated", "{\"agentId\":\"a-3\"}", "r-lost-answer"));
        readModel.put(AGGREGATE, row(3, "a-3"));
        topic.add(record("e-4", 3, 3));
        assertThat(broken()).containsExactly("unacknowledged-writes-at-most-once");
    }

    @Test
    void anEventMissingFromTheTopicOrOneTheStoreNeverHadIsFound() {
        topic.remove(1);
        assertThat(broken()).containsExactly("stored-events-on-topic");
        topic.add(record("e-2", 1, 1));
        topic.add(record("e-phantom", 2, 2));
        assertThat(broken()).containsExactly("stored-events-on-topic");
    }

    @Test
    void aRedeliveredRecordBreaksNothingAndIsCounted() {
        topic.add(record("e-1", 0, 2));
        Verdict verdict = verdict();
        assertThat(names(verdict)).isEmpty();
        assertThat(verdict.redelivered()).hasSize(1);
    }

    @Test
    void aReadModelBehindTheStoreIsFound() {
        readModel.put(AGGREGATE, row(0, "a-1"));
        assertThat(broken()).containsExactly("read-model-matches-store");
        readModel.remove(AGGREGATE);
        assertThat(broken()).containsExactly("read-model-matches-store");
    }

    @Test
    void aReadOlderThanAWriteAcknowledgedBeforeItIsFoundUnlessMarkedStale() {
        ops.set(2, read(1, "r-read", 40, 50, 0L, false));
        assertThat(broken()).containsExactly("reads-see-acknowledged-writes");
        ops.set(2, read(1, "r-read", 40, 50, 0L, true));
        assertThat(broken()).isEmpty();
    }

    @Test
    void aReadThatDoesNotFindASessionWhoseCreateWasAcknowledgedIsFound() {
        ops.set(2, new Op(2, Kind.GENESYS_READ, "r-read", SESSION, 40, 50, 40, 404, null, null, false, false, null, null));
        assertThat(broken()).containsExactly("reads-find-acknowledged-sessions");
        ops.set(2, new Op(2, Kind.GENESYS_READ, "r-read", SESSION, 40, 50, 40, 404, null, null, false, true, null, null));
        assertThat(broken()).isEmpty();
    }

    @Test
    void aClientReadingBackwardsIsFound() {
        ops.add(read(1, "r-again", 25, 26, 0L, false)); // began before the hand-over was acknowledged
        ops.set(2, read(1, "r-read", 40, 50, 1L, false));
        ops.add(read(1, "r-later", 60, 61, 0L, false));
        assertThat(broken()).contains("reads-monotonic-per-client");
    }

    @Test
    void aWriteAnsweringFromThePastIsFound() {
        // The same agent again, answered from a stale copy of the session at version 0 after version 1 was seen.
        ops.add(write(Kind.GENESYS_ASSOCIATE, "r-stale", 60, 70, 200, 0L, "a-1"));
        assertThat(broken()).containsExactly("writes-never-answer-from-the-past");
    }

    @Test
    void aClaimWithoutItsSessionIsFound() {
        claims.add(new String[] {"key", "t:s-never-created"});
        assertThat(broken()).containsExactly("one-session-per-name");
    }

    private List<String> broken() {
        return names(verdict());
    }

    private Verdict verdict() {
        ops.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        return Verdict.of("t", ops, events, readModel, claims, topic);
    }

    private static List<String> names(Verdict verdict) {
        return verdict.checks().stream().filter(check -> !check.holds()).map(CheckResult::name).toList();
    }

    private static CheckResult check(Verdict verdict, String name) {
        return verdict.checks().stream().filter(check -> check.name().equals(name)).findFirst().orElseThrow();
    }

    private static StoredEvent event(long index, String id, long sequence, String type, String payload, String requestId) {
        try {
            return new StoredEvent(index, id, AGGREGATE, sequence, type, JSON.readTree(payload), requestId);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Op write(Kind kind, String requestId, long start, long end, int status, Long version, String written) {
        return new Op(1, kind, requestId, SESSION, start, end, start, status, status < 0 ? "timed out" : null, version,
                false, false, written, status == 200 ? SESSION : null);
    }

    private static Op read(int client, String requestId, long start, long end, Long version, boolean stale) {
        return new Op(client, Kind.GENESYS_READ, requestId, SESSION, start, end, start, 200, null, version, false,
                stale, null, SESSION);
    }

    private static ProjectedSession row(long version, String agent) {
        return new ProjectedSession(AGGREGATE, SESSION, version, agent, "v-1", null, null, null, "idle", false);
    }

    private static TopicReader.Read record(String eventId, long sequence, long offset) {
        JsonNode data = JSON.createObjectNode();
        CloudEvent event = new CloudEvent("1.0", eventId, "/s", "session.x", SESSION, null, "application/json", null,
                CloudEvent.formatSequence(sequence), "t", "genesys-v1", "k", null, null, null, data);
        return new TopicReader.Read(AGGREGATE, "{}", event, "application/cloudevents+json", 0, offset, offset);
    }
}
