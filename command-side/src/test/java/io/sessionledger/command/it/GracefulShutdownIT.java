package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.command.CommandSideApplication;
import io.sessionledger.command.publishing.KafkaPublisher;
import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import io.sessionledger.testsupport.TopicReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Shutdown drains (what SIGTERM does, here as the context's close): the web server stops taking requests, the
 * request in flight is answered, and every committed event reaches the topic, its token stored, before the
 * publisher and the producer stop. To make the last part count, the publisher is held while the writes commit
 * and let go only once the web server is gone: without the drain, Axon would stop it there with the events unsent.
 */
class GracefulShutdownIT {

    private static final String ADMIN_KEY = "drain-admin";
    private static final int COMMITTED_WHILE_HELD = 5;

    private final String database = TestPostgres.createDatabase("ledger_cmd_drain");
    private final String topic = "drain-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch releasePublisher = new CountDownLatch(1);
    private final CountDownLatch releaseCommands = new CountDownLatch(1);
    private final CountDownLatch commandHeld = new CountDownLatch(1);
    private volatile boolean holdCommands;
    private ConfigurableApplicationContext app;
    private int port;

    @AfterEach
    void letGo() {
        releasePublisher.countDown();
        releaseCommands.countDown();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aStopAnswersTheRequestInFlightAndPublishesEveryCommittedEventBeforeThePublisherStops() throws Exception {
        createTopic();
        start();
        String key = issueKey();
        holdThePublisher();
        for (int i = 0; i < COMMITTED_WHILE_HELD; i++) {
            HttpResponse<String> created = create(key, "held-" + i);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            assertThat(created.headers().firstValue("x-ledger-consistency")).as("not on Kafka yet").hasValue("pending");
        }

        holdCommands = true;
        CompletableFuture<HttpResponse<String>> inFlight = createAsync(key, "in-flight");
        assertThat(commandHeld.await(30, TimeUnit.SECONDS)).as("the last write reached its command handler").isTrue();
        Thread closing = new Thread(app::close, "sigterm");
        closing.start();

        awaitNoLongerServing();
        assertThat(inFlight).as("held in its command handler").isNotDone();
        assertThat(closing.isAlive()).as("the stop waits for it").isTrue();
        releaseCommands.countDown();
        HttpResponse<String> answered = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

        awaitRefusedConnections();
        assertThat(closing.isAlive()).as("still draining the publisher").isTrue();
        releasePublisher.countDown();
        closing.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(closing.isAlive()).isFalse();

        JdbcTemplate store = new JdbcTemplate(new DriverManagerDataSource(database, TestPostgres.USER, ""));
        Set<String> stored = Set.copyOf(store.queryForList("select event_identifier from domain_event_entry",
                String.class));
        assertThat(stored).hasSize(COMMITTED_WHILE_HELD + 1);
        List<TopicReader.Read> published = TopicReader.readUntil(TestKafka.bootstrap(), topic,
                reads -> reads.size() >= stored.size(), Duration.ofSeconds(30));
        assertThat(published.stream().map(read -> read.event().id()).collect(Collectors.toSet()))
                .as("every committed event is on the topic").isEqualTo(stored);
        Long head = store.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(publisherPosition(store)).as("the publisher stored its token past the last event")
                .isGreaterThanOrEqualTo(head);
    }

    private void start() {
        // Arguments, not default properties: application.yml's own values would win over those.
        app = new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestPostgres.USER,
                "--ledger.kafka.bootstrap-servers=" + TestKafka.bootstrap(),
                "--ledger.kafka.topic=" + topic,
                "--ledger.admin-key=" + ADMIN_KEY,
                "--ledger.consistency.publish-timeout=300ms",
                // The catch-up reader is what is held here and what the drain waits for: the write path sends nothing.
                "--ledger.publishing.direct=false");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        MessageHandlerInterceptor<CommandMessage<?>> held = (unitOfWork, chain) -> {
            if (holdCommands) {
                commandHeld.countDown();
                releaseCommands.await(60, TimeUnit.SECONDS);
            }
            return chain.proceed();
        };
        app.getBean(CommandBus.class).registerHandlerInterceptor(held);
    }

    private void holdThePublisher() {
        MessageHandlerInterceptor<EventMessage<?>> held = (unitOfWork, chain) -> {
            releasePublisher.await(60, TimeUnit.SECONDS);
            return chain.proceed();
        };
        app.getBean(EventProcessingConfiguration.class).eventProcessor(KafkaPublisher.PROCESSING_GROUP).orElseThrow()
                .registerHandlerInterceptor(held);
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private String issueKey() throws Exception {
        HttpResponse<String> issued = http.send(request("POST", "/ledger/v1/api-keys", ADMIN_KEY,
                "{\"tenantId\":\"acme-drain\",\"name\":\"drain\"}").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return issued.body().replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> create(String key, String visit) throws Exception {
        return createAsync(key, visit).get(60, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> createAsync(String key, String visit) {
        return http.sendAsync(request("PUT", "/gks-server/v1/sessions/new", key, "{\"visitId\":\"" + visit + "\"}")
                        .header("gkc_agentId", "agent-" + visit).header("gkc_customerId", "customer-" + visit).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String key, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("x-api-key", key).header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
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

    private void awaitRefusedConnections() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                assertThat(System.nanoTime()).as("the web server did not stop").isLessThan(deadline);
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                Thread.sleep(20);
            }
        }
    }

    private static long publisherPosition(JdbcTemplate store) {
        // The store-position reading the reconciliation uses, on a store the stopped service left behind.
        return new io.sessionledger.command.publishing.StorePosition(store,
                org.axonframework.serialization.json.JacksonSerializer.defaultSerializer()).read().publisher().position();
    }
}
