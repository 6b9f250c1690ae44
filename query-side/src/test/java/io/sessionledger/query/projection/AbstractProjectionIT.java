package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static io.sessionledger.query.support.TestEvents.withParties;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.deadletter.DeadLetterHeaders;
import io.sessionledger.query.deadletter.DeadLetterReplay;
import io.sessionledger.query.support.DeadLetters;
import io.sessionledger.query.support.TestEvents;
import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.TestDatabases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The projection against a real broker and a real database. Subclasses choose the database (local
 * PostgreSQL, a Testcontainers PostgreSQL, H2 in PostgreSQL mode); the behaviour must not differ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractProjectionIT implements BatchProjectionContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z").truncatedTo(ChronoUnit.MILLIS);

    private EmbeddedKafkaKraftBroker broker;
    private TestDatabases.Opened database;
    private String topic;
    private EventProducer producer;
    private ProjectionHarness projection;

    @Override
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** A fresh, empty database for this test class. */
    protected abstract TestDatabases.Opened openDatabase();

    @BeforeAll
    void startBrokerAndDatabase() {
        broker = TestKafka.start(3);
        database = openDatabase();
        TestDatabases.migrate(database.dataSource());
    }

    @AfterAll
    void stopBrokerAndDatabase() throws Exception {
        broker.destroy();
        database.close();
    }

    @BeforeEach
    void startProjection() {
        topic = "session-events-" + UUID.randomUUID();
        broker.addTopics(new NewTopic(topic, 3, (short) 1));
        producer = new EventProducer(broker.getBrokersAsString(), topic);
        projection = startConsumer();
    }

    @AfterEach
    void stopProjection() {
        projection.close();
        producer.close();
    }

    private ProjectionHarness startConsumer() {
        return new ProjectionHarness(dataSource(), broker.getBrokersAsString(), topic, "group-" + topic);
    }

    private RecordMetadata publish(CloudEvent event) {
        return producer.send(event);
    }

    private SessionRow row(String tenant, String sessionId) {
        return projection.sessions.find(tenant + ":" + sessionId).orElseThrow();
    }

    @Test
    void eventsBecomeRowsAppliedInOrder() throws Exception {
        publish(envelope(0, T0, withParties("acme", "s-1", "agent-1", null, null)));
        publish(envelope(1, T0.plusSeconds(1), new UserAssociated("acme", "s-1", null, "cust-1", "v-1", null, "cust-1")));
        RecordMetadata last = publish(envelope(2, T0.plusSeconds(2),
                new SessionStatusChanged("acme", "s-1", SessionStatus.IDLE, SessionStatus.BUSY)));
        RecordMetadata other = publish(envelope(0, T0, anonymous("other", "s-1")));

        projection.awaitProjected(last);
        projection.awaitProjected(other);

        SessionRow acme = row("acme", "s-1");
        assertThat(acme.customerId()).isEqualTo("cust-1");
        assertThat(acme.agentId()).isEqualTo("agent-1");
        assertThat(acme.visitId()).isEqualTo("v-1");
        assertThat(acme.status()).isEqualTo("busy");
        assertThat(acme.version()).isEqualTo(2);
        assertThat(acme.createdAt()).isEqualTo(T0);
        assertThat(acme.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(row("other", "s-1").anonymous()).isTrue();
    }

    @Test
    void redeliveredEventsChangeNothing() throws Exception {
        List<CloudEvent> events = List.of(
                envelope(0, T0, anonymous("acme", "s-2")),
                envelope(1, T0.plusSeconds(1), new UserAssociated("acme", "s-2", null, "cust-2", null, null, "c")));
        events.forEach(this::publish);
        projection.awaitProjected(publish(envelope(2, T0.plusSeconds(2),
                new SessionStatusChanged("acme", "s-2", SessionStatus.IDLE, SessionStatus.ERROR))));
        SessionRow before = row("acme", "s-2");

        RecordMetadata again = events.stream().map(this::publish).reduce((a, b) -> b).orElseThrow();
        projection.awaitProjected(again);

        assertThat(row("acme", "s-2")).isEqualTo(before);
        assertThat(projection.count("redelivered")).isEqualTo(2);
    }

    @Test
    void restartedConsumerResumesFromStoredOffsetsWithoutLossOrRepeat() throws Exception {
        publish(envelope(0, T0, anonymous("acme", "s-3")));
        projection.awaitProjected(publish(envelope(1, T0.plusSeconds(1),
                new UserAssociated("acme", "s-3", "agent-3", null, null, null, null))));
        projection.close();

        publish(envelope(2, T0.plusSeconds(2), new SessionStatusChanged("acme", "s-3", SessionStatus.IDLE, SessionStatus.BUSY)));
        RecordMetadata last = publish(envelope(3, T0.plusSeconds(3),
                new UserAssociated("acme", "s-3", null, "cust-3", null, null, "cust-3")));
        projection = startConsumer();
        projection.awaitProjected(last);

        SessionRow row = row("acme", "s-3");
        assertThat(row.version()).isEqualTo(3);
        assertThat(row.status()).isEqualTo("busy");
        assertThat(row.customerId()).isEqualTo("cust-3");
        // Kafka holds no committed offsets for the group: only the stored ones can have told it where to resume.
        assertThat(projection.count("applied")).isEqualTo(2);
        assertThat(projection.count("redelivered")).isZero();
        assertThat(projection.offsets.nextOffsets(topic)).containsEntry(last.partition(), last.offset() + 1);
    }

    @Test
    void unknownEventTypeGoesToTheDeadLetterTopicWithItsReasonBeforeTheOffsetPassesIt() throws Exception {
        publish(envelope(0, T0, anonymous("acme", "s-4")));
        RecordMetadata unknown = publish(TestEvents.unknownType("acme", "s-4", 1));
        RecordMetadata later = publish(envelope(2, T0.plusSeconds(2),
                new SessionStatusChanged("acme", "s-4", SessionStatus.IDLE, SessionStatus.BUSY)));
        RecordMetadata otherSession = publish(envelope(0, T0, anonymous("acme", "s-4b")));

        projection.awaitProjected(later);
        projection.awaitProjected(otherSession);

        // The later event of the same session waits behind it, so that a replay can apply both in order.
        assertThat(row("acme", "s-4").version()).isZero();
        assertThat(row("acme", "s-4b").version()).isZero();
        assertThat(projection.offsets.nextOffsets(topic).get(later.partition())).isGreaterThan(later.offset());
        List<DeadLetters.Letter> letters = DeadLetters.read(broker.getBrokersAsString(), projection.deadLetterTopic);
        assertThat(letters).extracting(letter -> letter.header(DeadLetterHeaders.REASON))
                .containsExactly("unknown-type", "behind-dead-letter");
        DeadLetters.Letter first = letters.get(0);
        assertThat(first.key()).isEqualTo("acme:s-4");
        assertThat(first.header(DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(first.header(DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo(String.valueOf(unknown.partition()));
        assertThat(first.header(DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo(String.valueOf(unknown.offset()));
        assertThat(first.header(DeadLetterHeaders.EVENT_TYPE)).isEqualTo("session.teleported");
        assertThat(first.header(DeadLetterHeaders.DETAIL)).contains("session.teleported");
        assertThat(Instant.parse(first.header(DeadLetterHeaders.TIME))).isAfter(T0);
        assertThat(first.header("content-type")).isEqualTo("application/cloudevents+json");
        assertThat(projection.deadLetters.waitingByReason(topic))
                .isEqualTo(Map.of("unknown-type", 1L, "behind-dead-letter", 1L));
        assertThat(projection.deadLetters("unknown-type")).isEqualTo(1);
        assertThat(projection.deadLetters("behind-dead-letter")).isEqualTo(1);

        // Still unknown to this version: a replay leaves both waiting, and the session stays held.
        assertThat(projection.replay().replayed()).isZero();
        projection.awaitProjected(publish(envelope(3, T0.plusSeconds(3),
                new SessionStatusChanged("acme", "s-4", SessionStatus.BUSY, SessionStatus.IDLE))));
        assertThat(row("acme", "s-4").version()).isZero();
        assertThat(projection.deadLetters.waitingByReason(topic)).containsEntry("behind-dead-letter", 2L);
    }

    @Test
    void undecodableRecordIsDeadLetteredAsMalformed() throws Exception {
        RecordMetadata garbage = producer.sendRaw("acme:s-8", "{\"specversion\": [not json".getBytes(UTF_8));
        RecordMetadata after = publish(envelope(0, T0, anonymous("acme", "s-8")));

        projection.awaitProjected(garbage);
        projection.awaitProjected(after);

        // Under the same key, the creation after it waits too: the garbage may have been its session's event.
        assertThat(projection.sessions.find("acme:s-8")).isEmpty();
        assertThat(projection.deadLetters.waitingByReason(topic))
                .isEqualTo(Map.of("malformed", 1L, "behind-dead-letter", 1L));
        assertThat(DeadLetters.read(broker.getBrokersAsString(), projection.deadLetterTopic))
                .extracting(letter -> letter.header(DeadLetterHeaders.REASON)).containsExactly("malformed",
                        "behind-dead-letter");
    }

    @Test
    void anEventBeforeItsSessionsCreationIsAppliedAfterItByTheReplay() throws Exception {
        // A rebuilt topic can carry a session's update before its creation: neither may be lost.
        publish(envelope(1, T0.plusSeconds(1), new UserAssociated("acme", "s-7", null, "cust-7", null, null, "c7")));
        projection.awaitProjected(publish(envelope(0, T0, anonymous("acme", "s-7"))));

        assertThat(projection.sessions.find("acme:s-7")).isEmpty();
        assertThat(projection.deadLetters.waitingByReason(topic))
                .isEqualTo(Map.of("orphan", 1L, "behind-dead-letter", 1L));

        DeadLetterReplay.Result replayed = projection.replay();

        assertThat(replayed.replayed()).isEqualTo(2);
        assertThat(replayed.waiting()).isEmpty();
        assertThat(row("acme", "s-7").version()).isEqualTo(1);
        assertThat(row("acme", "s-7").customerId()).isEqualTo("cust-7");
        assertThat(projection.deadLetters.replayed(topic)).isEqualTo(2);
        // Released: the session's next event is projected live again.
        projection.awaitProjected(publish(envelope(2, T0.plusSeconds(2),
                new SessionStatusChanged("acme", "s-7", SessionStatus.IDLE, SessionStatus.BUSY))));
        assertThat(row("acme", "s-7").status()).isEqualTo("busy");
        assertThat(projection.replay().replayed()).as("nothing left to replay").isZero();
    }

    @Test
    void failingDatabaseHoldsTheOffsetAndTheBatchIsAppliedOnceItRecovers() throws Exception {
        projection.awaitProjected(publish(envelope(0, T0, anonymous("acme", "s-5"))));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        jdbc.execute("alter table session_info rename to session_info_away");
        try {
            RecordMetadata blocked = publish(envelope(1, T0.plusSeconds(1),
                    new UserAssociated("acme", "s-5", null, "cust-5", null, null, "cust-5")));
            Thread.sleep(1_500);
            assertThat(projection.offsets.nextOffsets(topic)).containsEntry(blocked.partition(), blocked.offset());
        } finally {
            jdbc.execute("alter table session_info_away rename to session_info");
        }
        RecordMetadata after = publish(envelope(2, T0.plusSeconds(2),
                new SessionStatusChanged("acme", "s-5", SessionStatus.IDLE, SessionStatus.BUSY)));
        projection.awaitProjected(after);

        assertThat(row("acme", "s-5").customerId()).isEqualTo("cust-5");
        assertThat(row("acme", "s-5").version()).isEqualTo(2);
    }
}
