package io.sessionledger.query.projection;

import io.sessionledger.query.privacy.PersonalDataKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.query.consistency.ProjectionPositions;
import io.sessionledger.query.support.TestEvents;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
    private final ProjectionConsumer consumer;

    ProjectionHarness(DataSource dataSource, String bootstrap, String topic, String group) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        sessions = new SessionInfoRepository(jdbc);
        offsets = new OffsetRepository(jdbc);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ProjectionProperties settings =
                new ProjectionProperties(true, group, 500, Duration.ofMillis(100), Duration.ofMillis(500), 500);
        ProjectionTransaction transaction = new ProjectionTransaction(TestEvents.CODEC, sessions, offsets,
                new PostgresBulkRows(jdbc, settings), transactions, meters, PersonalDataKeys.none());
        consumer = new ProjectionConsumer(new LedgerProperties(bootstrap, topic, URI.create("http://unused")),
                settings, transaction, offsets, positions);
        consumer.start();
    }

    /** Waits until the projection has committed the record at that position. */
    void awaitProjected(RecordMetadata written) throws Exception {
        positions.reached(written.partition(), written.offset() + 1).get(30, TimeUnit.SECONDS);
    }

    double count(String outcome) {
        return meters.counter("ledger.projection.events", "outcome", outcome).count();
    }

    @Override
    public void close() {
        consumer.stop();
    }
}
