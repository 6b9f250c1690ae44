package io.sessionledger.query.projection;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.TestDatabases;
import io.sessionledger.testsupport.TestKafka;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Handing the projection from one consumer to the next (a stop and a start, as a restart or a rebuild's
 * hand-over does): the old one must really be gone first, its last batch committed, however long that batch
 * takes. Otherwise the new one reads the stored offsets before that batch moves them, and projects from the
 * middle of the topic beside a consumer that is still running.
 */
class ProjectionHandOverIT {

    private static final String TOPIC = "hand-over";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private EmbeddedKafkaKraftBroker broker;
    private TestDatabases.Opened database;
    private EventProducer producer;

    @BeforeEach
    void start() {
        broker = TestKafka.start(1, TOPIC);
        database = TestDatabases.postgres();
        TestDatabases.migrate(database.dataSource());
        producer = new EventProducer(broker.getBrokersAsString(), TOPIC);
    }

    @AfterEach
    void stop() throws Exception {
        producer.close();
        broker.destroy();
        database.close();
    }

    @Test
    void stopWaitsForTheBatchInFlightHoweverLongSoTheNextConsumerResumesWhereItEnded() throws Exception {
        ProjectionHarness old = harness();
        old.awaitProjected(producer.send(envelope(0, T0, anonymous("acme", "s-1"))));
        RecordMetadata late;
        Thread stopping = new Thread(old::close, "stopping the old consumer");
        try (Connection holder = database.dataSource().getConnection(); Statement sql = holder.createStatement()) {
            // Holds the batch's offset write back: its transaction commits only when the test lets it.
            holder.setAutoCommit(false);
            sql.execute("lock table projection_offset in exclusive mode");
            late = producer.send(envelope(1, T0.plusSeconds(1),
                    new UserAssociated("acme", "s-1", null, "cust-1", null, null, "cust-1")));
            awaitABatchWaitingForTheLock();

            stopping.start();
            // Longer than the fixed 15 s the stop used to wait before it went on regardless.
            stopping.join(Duration.ofSeconds(20).toMillis());
            assertThat(stopping.isAlive()).as("stop() returned while its last batch had not committed").isTrue();
            holder.rollback();
        }
        stopping.join(Duration.ofSeconds(60).toMillis());
        assertThat(stopping.isAlive()).isFalse();
        assertThat(old.offsets.nextOffsets(TOPIC)).containsEntry(0, late.offset() + 1);
        assertThat(old.sessions.find("acme:s-1")).get().extracting(SessionRow::version).isEqualTo(1L);

        RecordMetadata next = producer.send(envelope(2, T0.plusSeconds(2),
                new SessionStatusChanged("acme", "s-1", SessionStatus.IDLE, SessionStatus.BUSY)));
        try (ProjectionHarness successor = harness()) {
            successor.awaitProjected(next);
            assertThat(successor.count("applied")).as("it resumed after the late batch").isEqualTo(1);
            assertThat(successor.count("redelivered")).isZero();
        }
    }

    private ProjectionHarness harness() {
        return new ProjectionHarness(database.dataSource(), broker.getBrokersAsString(), TOPIC, "hand-over-group");
    }

    private void awaitABatchWaitingForTheLock() throws InterruptedException {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("select count(*) from pg_locks l join pg_class c on c.oid = l.relation "
                + "where c.relname = 'projection_offset' and not l.granted", Integer.class) == 0) {
            assertThat(System.nanoTime()).as("the projection's batch never reached the offsets").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
