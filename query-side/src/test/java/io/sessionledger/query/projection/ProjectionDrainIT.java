package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.envelope;
import static io.sessionledger.query.support.TestEvents.withParties;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.QuerySideApplication;
import io.sessionledger.query.consistency.ProjectionPositions;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.FakeCommandSide;
import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Shutdown drains the query side (what SIGTERM does, here as the context's close): the web server stops taking
 * requests while a read waits at the barrier for a record the projection has not applied yet; the projection goes
 * on until that read is answered, fresh, and then stops with its position committed at the end of the topic.
 */
class ProjectionDrainIT {

    private static final int PARTITIONS = 2;

    private final TestPostgres database = TestPostgres.create("ledger_q_drain");
    private final String topic = "drain-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeCommandSide commandSide;
    private EventProducer producer;
    private ConfigurableApplicationContext app;
    private Pause pause;
    private int port;

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
    void aStopLetsTheProjectionAnswerTheReadInFlightThenCommitsItsPosition() throws Exception {
        createTopic();
        producer = new EventProducer(TestKafka.bootstrap(), topic);
        commandSide = FakeCommandSide.start();
        start();
        String id = "s-drain";
        producer.send(envelope(0, Instant.now(), withParties("acme", id, "agent", null, "visit-drain")));
        assertThat(read(id).get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        pause = app.getBean(ProjectionConsumer.class).pause();
        pause.parked.get(30, TimeUnit.SECONDS);
        producer.send(envelope(1, Instant.now(), new UserAssociated("acme", id, null, "cust-drain", null, null, "c")));
        CompletableFuture<HttpResponse<String>> inFlight = read(id);
        awaitWaitingRead();

        Thread closing = new Thread(app::close, "sigterm");
        closing.start();
        awaitNoLongerServing();
        assertThat(inFlight).as("waits at the barrier").isNotDone();

        pause.resume(false);
        HttpResponse<String> answered = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.headers().firstValue("x-ledger-consistency")).as("fresh, not stale").isEmpty();
        assertThat(answered.body()).contains("\"customerId\":\"cust-drain\"");
        closing.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(closing.isAlive()).isFalse();

        assertThat(storedOffsets()).as("the projection's position, committed").isEqualTo(endOffsets());
    }

    private void start() {
        // Arguments, not default properties: application.yml's own values would win over those.
        app = new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + TestPostgres.USER,
                "--ledger.kafka-bootstrap=" + TestKafka.bootstrap(),
                "--ledger.topic=" + topic,
                "--ledger.command-url=" + commandSide.url(),
                "--ledger.consistency.read-timeout=30s");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private CompletableFuture<HttpResponse<String>> read(String id) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/gks-server/v1/sessions/" + id)).header("x-api-key", "key-acme").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitWaitingRead() throws InterruptedException {
        ProjectionPositions positions = app.getBean(ProjectionPositions.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (positions.waitingReads() == 0) {
            assertThat(System.nanoTime()).as("the read never reached the barrier").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** A new request (on a new connection) is no longer answered 200: refused, reset, 503 or left waiting. */
    private void awaitNoLongerServing() throws InterruptedException {
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                HttpResponse<Void> health = fresh.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(1))
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

    private void createTopic() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private Map<Integer, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<Integer, Long> ends = new HashMap<>();
        try (Admin admin = admin()) {
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
        new JdbcTemplate(new DriverManagerDataSource(database.url(), TestPostgres.USER, "")).query(
                "select partition_no, next_offset from projection_offset where topic = ?",
                rs -> {
                    stored.put(rs.getInt(1), rs.getLong(2));
                }, topic);
        return stored;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()));
    }
}
