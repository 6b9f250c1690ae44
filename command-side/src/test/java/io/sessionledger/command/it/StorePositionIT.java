package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.command.publishing.StorePosition;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The store's and the publisher's positions the reconciliation compares with the topic. An event row written
 * behind the publisher's back, at a global index it has already passed (what Axon's gap timeout leaves), counts
 * as passed by the publisher though it was never sent: the reconciliation then finds it missing on the topic.
 */
class StorePositionIT extends AuditContext {

    private static final String PATH = "/internal/v1/store-position";

    @Autowired
    StorePosition storePosition;

    @Test
    void onlyTheAdminKeyLearnsWhereTheStoreStands() {
        String key = keyOf("acme-store");
        assertThat(as(key, "GET", PATH, null).status()).isEqualTo(401);
    }

    @Test
    void countsTheStoreAndHowFarThePublisherWentIncludingAnEventItPassedUnseen() throws Exception {
        sessionWithFourEvents(keyOf("acme-store"));
        JsonNode quiet = publishedEverything();
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(quiet.get("events").asLong()).isEqualTo(events);
        assertThat(quiet.get("highestGlobalIndex").asLong()).isEqualTo(head);
        assertThat(quiet.at("/publisher/position").asLong()).isEqualTo(head);
        assertThat(quiet.at("/publisher/eventsPassed").asLong()).isEqualTo(events);
        assertThat(quiet.get("sessions").asLong()).isEqualTo(
                jdbc.queryForObject("select count(distinct aggregate_identifier) from domain_event_entry", Long.class));

        long passedIndex = jdbc.queryForObject("select min(global_index) - 1 from domain_event_entry", Long.class);
        insertEventAt(passedIndex);
        try {
            JsonNode after = admin("GET", PATH, null).body();
            assertThat(after.get("events").asLong()).isEqualTo(events + 1);
            assertThat(after.get("highestGlobalIndex").asLong()).isEqualTo(head);
            assertThat(after.at("/publisher/position").asLong()).as("the publisher never goes back").isEqualTo(head);
            assertThat(after.at("/publisher/eventsPassed").asLong()).isEqualTo(events + 1);
            assertThat(after.at("/publisher/eventsBehind").asLong()).isZero();
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = ?", passedIndex);
        }
    }

    @Test
    void thePublisherHasPassedEachEventItSentAndNoneThatDoesNotExist() throws Exception {
        String sessionId = sessionWithFourEvents(keyOf("acme-passed"));
        publishedEverything();

        for (long sequence = 0; sequence < 4; sequence++) {
            assertThat(storePosition.publisherPassed("acme-passed:" + sessionId, sequence)).as("#" + sequence).isTrue();
        }
        assertThat(storePosition.publisherPassed("acme-passed:" + sessionId, 4)).isFalse();
    }

    /** Waits (bounded) until the publisher has caught up with the store. */
    private JsonNode publishedEverything() throws InterruptedException {
        JsonNode position = null;
        for (int i = 0; i < 300; i++) {
            Http.Response response = admin("GET", PATH, null);
            assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
            position = response.body();
            if (position.at("/publisher/eventsBehind").asLong() == 0
                    && position.at("/publisher/position").asLong() == position.get("highestGlobalIndex").asLong()) {
                return position;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the publisher did not catch up: " + position);
    }

    private void insertEventAt(long globalIndex) {
        String id = "acme-store:gap-" + UUID.randomUUID();
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload, meta_data) "
                        + "values (?, ?, ?, 0, 'Session', '2026-03-01T10:00:00Z', ?, ?, ?)",
                globalIndex, UUID.randomUUID().toString(), id, "io.sessionledger.events.session.SessionCreated",
                "{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
