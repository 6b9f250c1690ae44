package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.envelope;
import static io.sessionledger.query.support.TestEvents.withParties;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Shutdown drains the query side (what SIGTERM does, here as the context's close): the web server stops taking
 * requests while a read waits at the barrier for a record the projection has not applied yet; the projection goes
 * on until that read is answered, fresh, and then stops with its position committed at the end of the topic.
 */
class ProjectionDrainIT {

    private QuerySideOnItsOwnTopic querySide;

    @AfterEach
    void stop() {
        if (querySide != null) {
            querySide.close();
        }
    }

    @Test
    void aStopLetsTheProjectionAnswerTheReadInFlightThenCommitsItsPosition() throws Exception {
        querySide = new QuerySideOnItsOwnTopic("drain");
        EventProducer producer = querySide.producer;
        ConfigurableApplicationContext app = querySide.app();
        String id = "s-drain";
        producer.send(envelope(0, Instant.now(), withParties("acme", id, "agent", null, "visit-drain")));
        assertThat(querySide.read(id, null).get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        querySide.pauseProjection();
        producer.send(envelope(1, Instant.now(), new UserAssociated("acme", id, null, "cust-drain", null, null, "c")));
        CompletableFuture<HttpResponse<String>> inFlight = querySide.read(id, null);
        querySide.awaitWaitingReads(1);

        Thread closing = new Thread(app::close, "sigterm");
        closing.start();
        awaitNoLongerServing();
        assertThat(inFlight).as("waits at the barrier").isNotDone();

        querySide.resumeProjection();
        HttpResponse<String> answered = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.headers().firstValue("x-ledger-consistency")).as("fresh, not stale").isEmpty();
        assertThat(answered.body()).contains("\"customerId\":\"cust-drain\"");
        closing.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(closing.isAlive()).isFalse();

        assertThat(storedOffsets()).as("the projection's position, committed").isEqualTo(endOffsets());
    }

    /** A new request (on a new connection) is no longer answered 200: refused, reset, 503 or left waiting. */
    private void awaitNoLongerServing() throws InterruptedException {
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                HttpResponse<Void> health = fresh.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + querySide.port() + "/actuator/health")).timeout(Duration.ofSeconds(1))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() != 200) {
                    return;
                }
            } catch (IOException notAnswered) {
                return;
            }
            assertThat(System.nanoTime()).as("still taking new requests").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Map<Integer, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < QuerySideOnItsOwnTopic.PARTITIONS; partition++) {
            latest.put(new TopicPartition(querySide.topic, partition), OffsetSpec.latest());
        }
        Map<Integer, Long> ends = new HashMap<>();
        try (Admin admin = QuerySideOnItsOwnTopic.admin()) {
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((partition, info) -> {
                if (info.offset() > 0) {
                    ends.put(partition.partition(), info.offset());
                }
            });
        }
        return ends;
    }

    private Map<Integer, Long> storedOffsets() {
        Map<Integer, Long> stored = new HashMap<>();
        new JdbcTemplate(new DriverManagerDataSource(querySide.database.url(), TestPostgres.USER, "")).query(
                "select partition_no, next_offset from projection_offset where topic = ?",
                rs -> {
                    stored.put(rs.getInt(1), rs.getLong(2));
                }, querySide.topic);
        return stored;
    }
}
