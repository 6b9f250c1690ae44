package io.sessionledger.query.projection;

import io.sessionledger.query.privacy.PersonalDataKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.query.consistency.ProjectionPositions;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.query.deadletter.DeadLetterProperties;
import io.sessionledger.query.deadletter.DeadLetterReader;
import io.sessionledger.query.deadletter.DeadLetterReplay;
import io.sessionledger.query.deadletter.DeadLetterTopic;
import io.sessionledger.query.support.TestEvents;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One projection consumer wired by hand, as Spring would wire it, so a test can stop and restart it. */
final class ProjectionHarness implements AutoCloseable {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ProjectionPositions positions = new ProjectionPositions();
    final SessionInfoRepository sessions;
    final OffsetRepository offsets;
    final DeadLetterRepository deadLetters;
    final String deadLetterTopic;
    final ProjectionTransaction transaction;
    private final ProjectionConsumer consumer;
    private final Admin admin;
    private final DeadLetterTopic deadLetterSender;

    private final DeadLetterReplay replay;

    ProjectionHarness(DataSource dataSource, String bootstrap, String topic, String group) {
        this(dataSource, bootstrap, topic, group, TestEvents.CODEC);
    }

    /** @param codec how this version reads the topic (a test's "older version" reads less of it) */
    ProjectionHarness(DataSource dataSource, String bootstrap, String topic, String group, CloudEventCodec codec) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        sessions = new SessionInfoRepository(jdbc);
        offsets = new OffsetRepository(jdbc);
        deadLetters = new DeadLetterRepository(jdbc);
        deadLetterTopic = topic + ".dlq";
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ProjectionProperties settings = new ProjectionProperties(true, group, 500, Duration.ofMillis(100),
                Duration.ofMillis(500), 500, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMillis(5));
        LedgerProperties ledger = new LedgerProperties(bootstrap, topic, List.of(URI.create("http://unused")));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        DeadLetterProperties deadLetterSettings =
                new DeadLetterProperties(deadLetterTopic, Duration.ofSeconds(30), Duration.ZERO);
        deadLetterSender = new DeadLetterTopic(ledger, deadLetterSettings, admin);
        transaction = new ProjectionTransaction(codec, sessions, offsets,
                new PostgresBulkRows(jdbc, settings), transactions, meters, deadLetters, deadLetterSender,
                PersonalDataKeys.none());
        replay = new DeadLetterReplay(ledger, deadLetters, new DeadLetterReader(ledger, deadLetterSettings), sessions,
                transaction, transactions, meters);
        consumer = new ProjectionConsumer(ledger, settings, transaction, offsets, positions);
        consumer.start();
    }

    /** Waits until the projection has committed the record at that position. */
    void awaitProjected(RecordMetadata written) throws Exception {
        positions.reached(written.partition(), written.offset() + 1).get(30, TimeUnit.SECONDS);
    }

    double count(String outcome) {
        return meters.counter("ledger.projection.events", "outcome", outcome).count();
    }

    DeadLetterReplay.Result replay() {
        return replay.replay();
    }

    double deadLetters(String reason) {
        return meters.counter("ledger.projection.dead_letters", "reason", reason).count();
    }

    @Override
    public void close() {
        consumer.stop();
        deadLetterSender.destroy();
        admin.close();
    }
}
