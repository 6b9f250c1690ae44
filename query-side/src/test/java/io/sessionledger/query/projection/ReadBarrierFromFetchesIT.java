package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.consistency.EndOffsets;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.support.EventProducer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code ledger.projection.fetch-max-wait} set, the read barrier learns what exists from the projection's own fetches (docs/decisions.md, "Read barrier from the
 * projection's fetches"): a read that carries no position sends no request to the broker, and still never answers
 * before a write acknowledged before it began is projected.
 */
class ReadBarrierFromFetchesIT {

    private QuerySideOnItsOwnTopic querySide;
    private EventProducer producer;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void start() throws Exception {
        querySide = new QuerySideOnItsOwnTopic("fetched", "--ledger.projection.fetch-max-wait=5ms");
        producer = querySide.producer;
        app = querySide.app();
    }

    @AfterEach
    void stop() {
        querySide.close();
    }

    @Test
    void aReadWithoutAPositionDoesNotAnswerBeforeAWriteAcknowledgedBeforeItBeganIsProjected() throws Exception {
        String id = "s-fetched-wait";
        producer.send(envelope(0, Instant.now(), anonymous("acme", id)));
        assertThat(read(id).get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        // The projection stands still: what its fetches said so far predates the write below.
        querySide.pauseProjection();
        producer.send(envelope(1, Instant.now(), new UserAssociated("acme", id, null, "cust-wait", null, null, "c")));
        CompletableFuture<HttpResponse<String>> get = read(id);
        ReadBarrier barrier = app.getBean(ReadBarrier.class);
        CompletableFuture<Boolean> all = CompletableFuture.supplyAsync(barrier::awaitAll);
        querySide.awaitWaitingReads(2);
        assertThat(get).as("waits at the barrier").isNotDone();
        assertThat(all).as("waits at the barrier").isNotDone();

        querySide.resumeProjection();
        HttpResponse<String> answered = get.get(60, TimeUnit.SECONDS);
        assertThat(answered.headers().firstValue("x-ledger-consistency")).as("fresh, not stale").isEmpty();
        assertThat(answered.body()).contains("\"customerId\":\"cust-wait\"");
        assertThat(all.get(60, TimeUnit.SECONDS)).as("fresh").isTrue();
    }

    @Test
    void readsWithoutAPositionSeeEveryAcknowledgedWriteAndSendNoRequestToTheBroker() throws Exception {
        EndOffsets endOffsets = app.getBean(EndOffsets.class);
        ReadBarrier barrier = app.getBean(ReadBarrier.class);
        producer.send(envelope(0, Instant.now(), anonymous("acme", "s-fetched-first")));
        assertThat(barrier.awaitAll()).isTrue();
        long requests = endOffsets.requestsSent();

        for (int i = 0; i < 20; i++) {
            String id = "s-fetched-" + i;
            producer.send(envelope(0, Instant.now(), anonymous("acme", id)));
            producer.send(envelope(1, Instant.now(), new UserAssociated("acme", id, null, "cust-" + i, null, null, "c")));
            HttpResponse<String> answered = read(id).get(30, TimeUnit.SECONDS);

            assertThat(answered.headers().firstValue("x-ledger-consistency")).as("fresh").isEmpty();
            assertThat(answered.body()).contains("\"customerId\":\"cust-" + i + "\"");
            assertThat(barrier.awaitSession(new SessionRef("acme", id))).isTrue();
            assertThat(barrier.awaitAll()).isTrue();
        }
        assertThat(endOffsets.requestsSent()).as("ListOffsets requests during 60 reads").isEqualTo(requests);
    }

    private CompletableFuture<HttpResponse<String>> read(String id) {
        return querySide.read(id, null);
    }
}
