package io.sessionledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.query.QuerySideApplication;
import io.sessionledger.query.consistency.ProjectionPositions;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.FakeCommandSide;
import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One query side of its own for a test that stops or pauses it: a fresh database, a topic of two partitions, a
 * producer onto it and the fake command side. Closing resumes a paused projection first (a parked poll thread
 * would hold the context's close), then stops the app before what it runs on.
 */
final class QuerySideOnItsOwnTopic implements AutoCloseable {

    static final int PARTITIONS = 2;

    final TestPostgres database;
    final String topic;
    final EventProducer producer;
    private final FakeCommandSide commandSide;
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext app;
    private Pause pause;
    private int port;

    /** @param settings more {@code --name=value} arguments for the app */
    QuerySideOnItsOwnTopic(String name, String... settings) throws Exception {
        database = TestPostgres.create("ledger_q_" + name);
        topic = name + "-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new EventProducer(TestKafka.bootstrap(), topic);
        commandSide = FakeCommandSide.start();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + TestPostgres.USER,
                "--ledger.kafka-bootstrap=" + TestKafka.bootstrap(),
                "--ledger.topic=" + topic,
                "--ledger.command-url=" + commandSide.url(),
                "--ledger.consistency.read-timeout=30s"));
        arguments.addAll(List.of(settings));
        // Arguments, not default properties: application.yml's own values would win over those.
        app = new SpringApplicationBuilder(QuerySideApplication.class).run(arguments.toArray(String[]::new));
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    int port() {
        return port;
    }

    /** Stops the projection's poll thread between two batches, until {@link #resumeProjection()}. */
    void pauseProjection() throws Exception {
        pause = app.getBean(ProjectionConsumer.class).pause();
        pause.parked.get(30, TimeUnit.SECONDS);
    }

    void resumeProjection() {
        if (pause != null) {
            pause.resume(false);
        }
    }

    /** A Genesys get of the session, with {@code x-ledger-read-after} when {@code readAfter} is not null. */
    CompletableFuture<HttpResponse<String>> read(String id, String readAfter) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/gks-server/v1/sessions/" + id)).header("x-api-key", "key-acme");
        if (readAfter != null) {
            request.header("x-ledger-read-after", readAfter);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until this many reads wait at the read barrier. */
    void awaitWaitingReads(int reads) throws InterruptedException {
        ProjectionPositions positions = app.getBean(ProjectionPositions.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (positions.waitingReads() < reads) {
            assertThat(System.nanoTime()).as("the reads never reached the barrier").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()));
    }

    @Override
    public void close() {
        resumeProjection();
        app.close();
        producer.close();
        commandSide.close();
        database.close();
    }
}
