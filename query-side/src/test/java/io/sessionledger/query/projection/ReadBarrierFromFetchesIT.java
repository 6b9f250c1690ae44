package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.QuerySideApplication;
import io.sessionledger.query.consistency.EndOffsets;
import io.sessionledger.query.consistency.ProjectionPositions;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.FakeCommandSide;
import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code ledger.projection.fetch-max-wait} set, the read barrier learns what exists from the projection's own fetches (docs/decisions.md, "Read barrier from the
 * projection's fetches"): a read that carries no position sends no request to the broker, and still never answers
 * before a write acknowledged before it began is projected.
 */
class ReadBarrierFromFetchesIT {

    private static final int PARTITIONS = 2;

    private final TestPostgres database = TestPostgres.create("ledger_q_fetched");
    private final String topic = "fetched-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeCommandSide commandSide;
    private EventProducer producer;
    private ConfigurableApplicationContext app;
    private Pause pause;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new EventProducer(TestKafka.bootstrap(), topic);
        commandSide = FakeCommandSide.start();
        app = new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + TestPostgres.USER,
                "--ledger.kafka-bootstrap=" + TestKafka.bootstrap(),
                "--ledger.topic=" + topic,
                "--ledger.command-url=" + commandSide.url(),
                "--ledger.consistency.read-timeout=30s",
                "--ledger.projection.fetch-max-wait=5ms");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterEach
    void stop() {
        if (pause != null) {
            pause.resume(false);
        }
        if (app != null) {
            app.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        database.close();
    }

    @Test
    void aReadWithoutAPositionDoesNotAnswerBeforeAWriteAcknowledgedBeforeItBeganIsProjected() throws Exception {
        String id = "s-fetched-wait";
        producer.send(envelope(0, Instant.now(), anonymous("acme", id)));
        assertThat(read(id).get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        // The projection stands still: what its fetches said so far predates the write below.
        pause = app.getBean(ProjectionConsumer.class).pause();
        pause.parked.get(30, TimeUnit.SECONDS);
        producer.send(envelope(1, Instant.now(), new UserAssociated("acme", id, null, "cust-wait", null, null, "c")));
        CompletableFuture<HttpResponse<String>> get = read(id);
        ReadBarrier barrier = app.getBean(ReadBarrier.class);
        CompletableFuture<Boolean> all = CompletableFuture.supplyAsync(barrier::awaitAll);
        awaitWaitingReads(2);
        assertThat(get).as("waits at the barrier").isNotDone();
        assertThat(all).as("waits at the barrier").isNotDone();

        pause.resume(false);
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
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/gks-server/v1/sessions/" + id)).header("x-api-key", "key-acme").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitWaitingReads(int reads) throws InterruptedException {
        ProjectionPositions positions = app.getBean(ProjectionPositions.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (positions.waitingReads() < reads) {
            assertThat(System.nanoTime()).as("the reads never reached the barrier").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
