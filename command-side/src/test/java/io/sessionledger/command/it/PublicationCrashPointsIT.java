package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import io.sessionledger.testsupport.TopicReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store is the outbox, at each point where publication can be cut short (docs/publishing.md): the command side
 * runs as its own process (the packaged jar) and halts, as a kill would, right after a group commit before anything
 * is sent, or right after Kafka's ack before that ack is recorded anywhere. A second process on the same database
 * then writes the next event of the same session while the catch-up reader's segment is still held elsewhere, and
 * only then may its catch-up reader run. Every committed event must reach the topic, in order per session
 * (first copies), and any copy sent twice must be the same record, so that a consumer can drop it by event id.
 */
class PublicationCrashPointsIT {

    private static final String ADMIN_KEY = "crash-admin";

    private final String database = TestPostgres.createDatabase("ledger_cmd_crash");
    private final String topic = "crash-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JdbcTemplate store = new JdbcTemplate(new DriverManagerDataSource(database, TestPostgres.USER, ""));
    private Path dataDirectory;
    private Process running;
    private Instant restartedAt;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEventCommittedButNeverSentIsPublishedAfterTheRestartBeforeTheSessionsNextEvent() throws Exception {
        List<TopicReader.Read> published = crashThenWriteAgain("after-commit");

        assertThat(published.stream().filter(read -> read.event().sequenceNumber() == 0)
                .map(TopicReader.Read::timestamp)).as("the crash came before any send: sent only after the restart")
                .allMatch(sentAt -> sentAt >= restartedAt.toEpochMilli());
    }

    @Test
    void anEventAcknowledgedButNotRecordedIsSentAgainAsTheSameRecordBeforeTheSessionsNextEvent() throws Exception {
        List<TopicReader.Read> published = crashThenWriteAgain("after-ack");

        assertThat(published.stream().filter(read -> read.event().sequenceNumber() == 0)
                .map(TopicReader.Read::timestamp)).as("sent before the crash, and again after the restart: nothing "
                        + "recorded the ack").anyMatch(sentAt -> sentAt < restartedAt.toEpochMilli())
                .anyMatch(sentAt -> sentAt >= restartedAt.toEpochMilli());
    }

    /**
     * Creates a session on a process armed to halt at {@code crashPoint}, associates it on a new process, and
     * checks what the topic holds; returns every record read, copies included.
     */
    private List<TopicReader.Read> crashThenWriteAgain(String crashPoint) throws Exception {
        createTopic();
        dataDirectory = Files.createTempDirectory("ledger-crash");
        int port = start(crashPoint);
        String key = issueKey(port);
        try {
            HttpResponse<String> created = create(port, key);
            throw new AssertionError("the process should have halted before answering: " + created.body());
        } catch (IOException cutOff) {
            // the answer never came: the process halted
        }
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).as("halted").isTrue();
        List<String> aggregates = store.queryForList("select aggregate_identifier from domain_event_entry",
                String.class);
        assertThat(aggregates).as("the create committed before the crash").hasSize(1);
        String sessionId = aggregates.get(0).substring(aggregates.get(0).indexOf(':') + 1);

        // As when the holder of the catch-up reader's segment is still away (a second instance, a restart within
        // the claim timeout): the next event is written while nothing has read the store yet.
        assertThat(store.update("update token_entry set owner = 'away', timestamp = '2100-01-01T00:00:00Z' "
                + "where processor_name = 'kafka-publisher'")).as("the catch-up reader's segment").isEqualTo(1);
        restartedAt = Instant.now();
        port = start("none");
        HttpResponse<String> associated = associate(port, key, sessionId);
        assertThat(associated.statusCode()).as(associated.body()).isEqualTo(200);
        store.update("update token_entry set owner = null where processor_name = 'kafka-publisher'");

        Map<String, Long> stored = new LinkedHashMap<>();
        store.query("select event_identifier, sequence_number from domain_event_entry order by sequence_number",
                row -> {
                    stored.put(row.getString(1), row.getLong(2));
                });
        assertThat(stored).hasSize(2);
        List<TopicReader.Read> published = TopicReader.readUntil(TestKafka.bootstrap(), topic,
                reads -> reads.stream().map(read -> read.event().id()).distinct().count() >= stored.size(),
                Duration.ofSeconds(120));

        Map<String, List<TopicReader.Read>> copies = published.stream().collect(Collectors.groupingBy(
                read -> read.event().id(), LinkedHashMap::new, Collectors.toList()));
        assertThat(copies.keySet()).as("every committed event is on the topic").isEqualTo(stored.keySet());
        copies.forEach((id, sent) -> assertThat(sent.stream().map(TopicReader.Read::value).distinct())
                .as("every copy of %s is the same record", id).hasSize(1));
        assertThat(copies.values().stream().map(sent -> sent.get(0).event().sequenceNumber()).toList())
                .as("first copies in session order").containsExactly(0L, 1L);
        assertThat(published.stream().map(TopicReader.Read::partition).distinct()).as("one session, one partition")
                .hasSize(1);
        return published;
    }

    private int start(String crashPoint) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestPostgres.USER,
                "--ledger.kafka.bootstrap-servers=" + TestKafka.bootstrap(),
                "--ledger.kafka.topic=" + topic,
                "--ledger.admin-key=" + ADMIN_KEY,
                "--ledger.publishing.crash-point=" + crashPoint));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDirectory.resolve("process-" + port + ".log").toFile());
        builder.environment().put("LEDGER_DATA_DIR", dataDirectory.toString());
        running = builder.start();
        awaitHealthy(port);
        return port;
    }

    /** The packaged command side; {@code -Dledger.command-side-jar} names another (to try the test on a variant). */
    private static Path jar() throws IOException {
        String named = System.getProperty("ledger.command-side-jar");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            return built.filter(path -> path.getFileName().toString().matches("command-side-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("the command side's jar (mvn package)"))
                    .toAbsolutePath();
        }
    }

    private void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(running.isAlive()).as("the process is running (log under %s)", dataDirectory).isTrue();
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the command side did not start (log under " + dataDirectory + ")");
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private String issueKey(int port) throws Exception {
        HttpResponse<String> issued = http.send(request(port, "POST", "/ledger/v1/api-keys", ADMIN_KEY,
                "{\"tenantId\":\"acme-crash\",\"name\":\"crash\"}").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return issued.body().replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> create(int port, String key) throws Exception {
        return http.send(request(port, "PUT", "/gks-server/v1/sessions/new", key, null).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> associate(int port, String key, String sessionId) throws Exception {
        return http.send(request(port, "POST", "/gks-server/v1/sessions/" + sessionId, key, null)
                .header("gkc_customerId", "customer-crash").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String method, String path, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("x-api-key", key);
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
}
