package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.dialect.LogPositions;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.consistency.EndOffsets;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.support.EventProducer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A read that carries the highest acknowledged positions ({@code x-ledger-read-after}, as the edge sends them;
 * docs/decisions.md, "Read barrier from acknowledged positions") waits for those and sends no request to the
 * broker; a read without them asks the broker and tells the log's ends ({@code x-ledger-log-ends}).
 */
class ReadBarrierFromAcknowledgedPositionsIT {

    private QuerySideOnItsOwnTopic querySide;
    private EventProducer producer;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void start() throws Exception {
        querySide = new QuerySideOnItsOwnTopic("acked");
        producer = querySide.producer;
        app = querySide.app();
    }

    @AfterEach
    void stop() {
        querySide.close();
    }

    @Test
    void aReadWaitsForTheAcknowledgedPositionsItCarriesAndAsksTheBrokerNothing() throws Exception {
        String id = "s-acked-wait";
        producer.send(envelope(0, Instant.now(), anonymous("acme", id)));
        assertThat(read(id, null).get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        EndOffsets endOffsets = app.getBean(EndOffsets.class);
        long requests = endOffsets.requestsSent();

        querySide.pauseProjection();
        RecordMetadata written = producer.send(
                envelope(1, Instant.now(), new UserAssociated("acme", id, null, "cust-wait", null, null, "c")));
        String acknowledged = written.partition() + ":" + written.offset();
        CompletableFuture<HttpResponse<String>> get = read(id, acknowledged);
        CompletableFuture<HttpResponse<String>> list = list(acknowledged);
        querySide.awaitWaitingReads(2);
        assertThat(get).as("waits at the barrier").isNotDone();
        assertThat(list).as("waits at the barrier").isNotDone();

        querySide.resumeProjection();
        HttpResponse<String> answered = get.get(60, TimeUnit.SECONDS);
        assertThat(answered.headers().firstValue("x-ledger-consistency")).as("fresh, not stale").isEmpty();
        assertThat(answered.body()).contains("\"customerId\":\"cust-wait\"");
        HttpResponse<String> listed = list.get(60, TimeUnit.SECONDS);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("x-ledger-consistency")).as("fresh, not stale").isEmpty();
        assertThat(endOffsets.requestsSent()).as("ListOffsets requests by reads that carried positions")
                .isEqualTo(requests);
    }

    @Test
    void aProjectedPositionAnswersAtOnceWithoutTheBroker() throws Exception {
        EndOffsets endOffsets = app.getBean(EndOffsets.class);
        ReadBarrier barrier = app.getBean(ReadBarrier.class);
        for (int i = 0; i < 10; i++) {
            String id = "s-acked-" + i;
            producer.send(envelope(0, Instant.now(), anonymous("acme", id)));
            RecordMetadata written = producer.send(
                    envelope(1, Instant.now(), new UserAssociated("acme", id, null, "cust-" + i, null, null, "c")));
            long requests = endOffsets.requestsSent();
            HttpResponse<String> answered = read(id, written.partition() + ":" + written.offset())
                    .get(30, TimeUnit.SECONDS);
            assertThat(answered.headers().firstValue("x-ledger-consistency")).as("fresh").isEmpty();
            assertThat(answered.body()).contains("\"customerId\":\"cust-" + i + "\"");
            assertThat(endOffsets.requestsSent()).as("ListOffsets requests").isEqualTo(requests);
        }
        assertThat(barrier.awaitAll()).isTrue();
    }

    @Test
    void aReadWithoutPositionsOrWithBadOnesAsksTheBrokerAndTellsTheLogsEnds() throws Exception {
        String id = "s-acked-ends";
        RecordMetadata written = producer.send(envelope(0, Instant.now(), anonymous("acme", id)));
        EndOffsets endOffsets = app.getBean(EndOffsets.class);

        for (String positions : new String[] {null, "garbage", "0:1,x:2", "7:3", "0:-4"}) {
            long requests = endOffsets.requestsSent();
            HttpResponse<String> answered = read(id, positions).get(30, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).as(String.valueOf(positions)).isEqualTo(200);
            assertThat(answered.headers().firstValue("x-ledger-consistency")).as("fresh").isEmpty();
            assertThat(endOffsets.requestsSent()).as("asked the broker").isGreaterThan(requests);
            Map<Integer, Long> ends = LogPositions.parse(answered.headers().firstValue("x-ledger-log-ends").orElseThrow());
            assertThat(ends.get(written.partition())).as("at or past the write").isGreaterThanOrEqualTo(written.offset());
        }
    }

    private CompletableFuture<HttpResponse<String>> read(String id, String readAfter) {
        return querySide.read(id, readAfter);
    }

    private CompletableFuture<HttpResponse<String>> list(String readAfter) {
        return querySide.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + querySide.port()
                        + "/v2/agents/bot/sessions")).header("x-api-key", "key-acme")
                .header("x-ledger-read-after", readAfter).build());
    }
}
