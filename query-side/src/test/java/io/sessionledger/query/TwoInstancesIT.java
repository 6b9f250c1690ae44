package io.sessionledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sessionledger.events.LedgerMetadata;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.query.consistency.ProjectionPositions;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.FakeCommandSide;
import io.sessionledger.query.support.TestEvents;
import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two query-side instances as the edge sees them: one consumer group splits the topic's partitions between
 * them, both project into one PostgreSQL read model, and each answers every read with read-your-writes, also
 * for the partitions the other one projects. A rebuild on one goes on while the other projects; when one stops,
 * the other takes its partitions over, and nothing is lost or applied twice. The tests run in order: the last
 * one stops an instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String TOPIC = "session-events";
    private static final String ADMIN_KEY = "query-admin";
    private static final String SESSIONS = "/api/v2/apps/app-a/environments/dev/sessions";
    private static final int PARTITIONS = 4;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private EmbeddedKafkaKraftBroker broker;
    private TestPostgres postgres;
    private EventProducer producer;
    private FakeCommandSide commandSide;
    private Instance a;
    private Instance b;

    /** One running query side. */
    private record Instance(String name, ConfigurableApplicationContext app, int port) {

        ProjectionPositions positions() {
            return app.getBean(ProjectionPositions.class);
        }

        Counter events(String outcome) {
            return app.getBean(MeterRegistry.class).counter("ledger.projection.events", "outcome", outcome);
        }
    }

    @BeforeAll
    void start() throws Exception {
        broker = TestKafka.start(PARTITIONS, TOPIC);
        postgres = TestPostgres.create("ledger_q2");
        producer = new EventProducer(broker.getBrokersAsString(), TOPIC);
        commandSide = FakeCommandSide.start();
        a = start("a");
        b = start("b");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(ownsSome(a) && ownsSome(b))) {
            assertThat(System.nanoTime()).as("the group never split the partitions").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stop() {
        for (Instance instance : new Instance[] {a, b}) {
            if (instance != null && instance.app().isActive()) {
                instance.app().close();
            }
        }
        commandSide.close();
        producer.close();
        broker.destroy();
        postgres.close();
    }

    @Test
    @Order(1)
    void aRebuildOnOneInstanceLosesNothingTheOtherProjectsMeanwhile() throws Exception {
        Map<String, Long> written = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (long version = 0; writing.get(); version++) {
                for (int n = 0; n < 12; n++) {
                    String id = "rb-" + n;
                    producer.send(event(version, version == 0 ? created(id) : statusChange(id, version)));
                    written.put(id, version);
                }
            }
        }, "writer");
        writer.start();
        try {
            HttpResponse<String> started = send(a, "POST", "/ledger/v1/projections/session-info/rebuild", ADMIN_KEY);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode status = json.readTree(started.body());
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while ("running".equals(status.get("state").asText())) {
                assertThat(System.nanoTime()).as("the rebuild never finished").isLessThan(deadline);
                Thread.sleep(100);
                status = json.readTree(send(a, "GET", "/ledger/v1/projections/session-info", ADMIN_KEY).body());
            }
            assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("done");
        } finally {
            writing.set(false);
            writer.join();
        }

        for (Map.Entry<String, Long> last : written.entrySet()) {
            for (Instance instance : new Instance[] {a, b}) {
                assertReadsVersion(instance, last.getKey(), last.getValue());
            }
        }
    }

    @Test
    @Order(2)
    void whenOneStopsTheOtherTakesOverItsPartitionsAndNothingIsLostOrAppliedTwice() throws Exception {
        double appliedBefore = a.events("applied").count() + b.events("applied").count();
        Counter appliedByB = b.events("applied");
        Counter redeliveredToB = b.events("redelivered");
        double redeliveredBefore = a.events("redelivered").count() + redeliveredToB.count();
        int sessions = 16;
        int versions = 5;
        for (long version = 0; version < versions; version++) {
            if (version == 3) {
                b.app().close();
            }
            for (int n = 0; n < sessions; n++) {
                String id = "ho-" + n;
                producer.send(event(version, version == 0 ? created(id) : statusChange(id, version)));
                // Each read on the other instance than the last, as long as there are two.
                Instance reader = version < 3 && (n + version) % 2 == 1 ? b : a;
                assertReadsVersion(reader, id, version);
            }
        }

        double applied = a.events("applied").count() + appliedByB.count() - appliedBefore;
        double redelivered = a.events("redelivered").count() + redeliveredToB.count() - redeliveredBefore;
        assertThat(applied).as("every event applied once").isEqualTo(sessions * versions);
        assertThat(redelivered).as("none applied twice").isZero();
        assertThat(IntStream.range(0, PARTITIONS).allMatch(a.positions()::isLocal))
                .as("the survivor projects every partition").isTrue();
        assertThat(new JdbcTemplate(a.app().getBean(javax.sql.DataSource.class)).queryForObject(
                "select count(*) from session_info where session_id like 'ho-%' and version = ?", Integer.class,
                versions - 1)).isEqualTo(sessions);
    }

    private void assertReadsVersion(Instance instance, String sessionId, long version) throws Exception {
        HttpResponse<String> read = send(instance, "GET", SESSIONS + "?sessionId=" + sessionId, "key-acme");
        String where = "instance " + instance.name() + ", " + sessionId + " v" + version;
        assertThat(read.statusCode()).as(where + ": " + read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("x-ledger-consistency")).as(where).isEmpty();
        assertThat(read.headers().firstValue("etag")).as(where).contains("\"" + version + "\"");
        assertThat(json.readTree(read.body()).at("/session/status").asText()).as(where)
                .isEqualTo(version % 2 == 1 ? "busy" : "idle");
    }

    private Instance start(String name) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.url(),
                "--spring.datasource.username=" + TestPostgres.USER,
                "--ledger.kafka-bootstrap=" + broker.getBrokersAsString(),
                "--ledger.command-url=" + commandSide.url(),
                "--ledger.admin-key=" + ADMIN_KEY,
                "--ledger.consistency.read-timeout=10s",
                "--ledger.dead-letters.replay-interval=0");
        return new Instance(name, app, ((ServletWebServerApplicationContext) app).getWebServer().getPort());
    }

    private static boolean ownsSome(Instance instance) {
        return IntStream.range(0, PARTITIONS).anyMatch(instance.positions()::isLocal);
    }

    private HttpResponse<String> send(Instance instance, String method, String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("x-api-key", key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static CloudEvent event(long version, SessionEvent event) {
        return TestEvents.CODEC.toCloudEvent(UUID.randomUUID().toString(), version,
                Instant.parse("2026-03-01T10:00:00Z").plusSeconds(version), event,
                Map.of(LedgerMetadata.DIALECT, "kore", LedgerMetadata.REQUEST_ID, "r-" + version));
    }

    private static SessionCreated created(String sessionId) {
        return new SessionCreated("acme", sessionId, new SessionScope("app-a", "dev", null),
                new Parties(null, null, "user-" + sessionId, "u-" + sessionId),
                new ExternalKeys(null, null, "ref-" + sessionId, null), SessionDetails.NONE, SessionStatus.IDLE,
                "session:acme:" + sessionId);
    }

    /** Version 1 makes it busy, 2 idle again, and so on. */
    private static SessionStatusChanged statusChange(String sessionId, long version) {
        return version % 2 == 1
                ? new SessionStatusChanged("acme", sessionId, SessionStatus.IDLE, SessionStatus.BUSY)
                : new SessionStatusChanged("acme", sessionId, SessionStatus.BUSY, SessionStatus.IDLE);
    }
}
