package io.sessionledger.query.projection;

import io.sessionledger.query.privacy.PersonalDataKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDeleted;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.events.session.SessionStatusChanged;
import io.sessionledger.events.session.SessionTerminated;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.support.SessionHistories;
import io.sessionledger.query.support.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whole poll batches, as a catch-up or rebuild sees them: the events of one session are folded into one row
 * write, and on PostgreSQL a batch touching {@value #BULK} sessions or more is written with COPY. Whatever
 * the path, the rows must be those of applying the events one by one, and a redelivered batch a no-op.
 */
interface BatchProjectionContract {

    int BULK = 10;
    int SESSIONS = 40;

    DataSource dataSource();

    @Test
    default void eventsOfASessionFoldedInOneBatchGiveTheRowsOfApplyingThemOneByOne() {
        List<CloudEvent> events = SessionHistories.interleaved("fold", SESSIONS);
        List<ConsumerRecord<byte[], byte[]>> records = SessionHistories.records("fold-topic", events);
        ProjectionTransaction transaction = transaction(new SimpleMeterRegistry());
        records.forEach(record -> transaction.apply("fold-topic", List.of(record)));
        Map<String, SessionRow> oneByOne = rows("fold");
        new JdbcTemplate(dataSource()).update("delete from session_info where tenant_id = 'fold'");

        Map<Integer, Long> committed = transaction.apply("fold-topic-2", records);

        assertThat(oneByOne).hasSize(SESSIONS).isEqualTo(inMemory(events));
        assertThat(rows("fold")).isEqualTo(oneByOne);
        assertThat(new OffsetRepository(new JdbcTemplate(dataSource())).nextOffsets("fold-topic-2"))
                .isEqualTo(committed).isEqualTo(new OffsetRepository(new JdbcTemplate(dataSource()))
                        .nextOffsets("fold-topic"));
    }

    /** More sessions than one lookup of existing rows takes (H2 looks them up in slices of 1,000). */
    @Test
    default void aBatchLargerThanOneLookupSliceProjectsEverySessionOnce() {
        int sessions = 2_500;
        List<CloudEvent> events = SessionHistories.interleaved("wide", sessions);
        List<ConsumerRecord<byte[], byte[]>> records = SessionHistories.records("wide-topic", events);
        ProjectionTransaction transaction = transaction(new SimpleMeterRegistry());

        transaction.apply("wide-topic", records.subList(0, records.size() / 3));
        transaction.apply("wide-topic", records);

        assertThat(rows("wide", sessions)).hasSize(sessions).isEqualTo(inMemory(events));
    }

    @Test
    default void aBatchDeliveredAgainAfterACrashLeavesTheSameRows() {
        List<CloudEvent> events = SessionHistories.interleaved("redo", SESSIONS);
        List<ConsumerRecord<byte[], byte[]>> records = SessionHistories.records("redo-topic", events);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ProjectionTransaction transaction = transaction(meters);
        int half = records.size() / 2;

        transaction.apply("redo-topic", records.subList(0, half));
        transaction.apply("redo-topic", records);
        transaction.apply("redo-topic", records);

        assertThat(rows("redo")).isEqualTo(inMemory(events));
        assertThat(meters.counter("ledger.projection.events", "outcome", "applied").count()).isEqualTo(events.size());
        assertThat(meters.counter("ledger.projection.events", "outcome", "redelivered").count())
                .isEqualTo(half + records.size());
    }

    @Test
    default void bulkWriteNeverPutsBackAnOlderVersion() {
        PostgresBulkRows bulk = new PostgresBulkRows(new JdbcTemplate(dataSource()), settings());
        assumeTrue(bulk.suits(BULK), "the bulk path is PostgreSQL's");
        List<CloudEvent> events = SessionHistories.interleaved("newer", SESSIONS);
        transaction(new SimpleMeterRegistry()).apply("newer-topic", SessionHistories.records("newer-topic", events));
        Map<String, SessionRow> newest = rows("newer");

        // What a zombie consumer still holding the first events would write, as a rebalance can leave one.
        List<SessionRow> older = List.copyOf(inMemory(events.subList(0, SESSIONS)).values());
        new TransactionTemplate(new DataSourceTransactionManager(dataSource()))
                .executeWithoutResult(tx -> bulk.upsertAll(older));

        assertThat(rows("newer")).isEqualTo(newest);
    }

    @Test
    default void aBatchReadBeforeAnotherWriterMovedItsPartitionIsRolledBackWhole() {
        ProjectionTransaction transaction = transaction(new SimpleMeterRegistry());
        Instant t0 = Instant.parse("2026-05-01T08:00:00Z");
        List<ConsumerRecord<byte[], byte[]>> records = SessionHistories.records("fence-topic", List.of(
                TestEvents.envelope(0, t0, TestEvents.anonymous("fence", "s-1")),
                TestEvents.envelope(1, t0.plusSeconds(1),
                        new UserAssociated("fence", "s-1", null, "cust-1", null, null, "cust-1")),
                TestEvents.envelope(2, t0.plusSeconds(2),
                        new SessionStatusChanged("fence", "s-1", SessionStatus.IDLE, SessionStatus.BUSY)),
                TestEvents.envelope(3, t0.plusSeconds(3), new SessionTerminated("fence", "s-1", SessionStatus.BUSY))));
        int partition = records.get(0).partition();
        transaction.commit("fence-topic", transaction.decode(records.subList(0, 2)).readAfter(Map.of()));
        transaction.commit("fence-topic", transaction.decode(records.subList(2, 4)).readAfter(Map.of(partition, 2L)));
        SessionRow projected = rows("fence", 2).get("fence:s-1");

        // An instance that had read offset 2 on after the same stored offset, before the other one moved it on.
        ProjectionTransaction.DecodedBatch late = transaction.decode(records.subList(2, 3))
                .readAfter(Map.of(partition, 2L));
        assertThatThrownBy(() -> transaction.commit("fence-topic", late)).isInstanceOf(PositionMoved.class);
        // One that began the partition before the other stored anything there.
        ProjectionTransaction.DecodedBatch first = transaction.decode(records.subList(0, 1)).readAfter(Map.of());
        assertThatThrownBy(() -> transaction.commit("fence-topic", first)).isInstanceOf(PositionMoved.class);

        assertThat(new OffsetRepository(new JdbcTemplate(dataSource())).nextOffsets("fence-topic"))
                .isEqualTo(Map.of(partition, 4L));
        assertThat(rows("fence", 2).get("fence:s-1")).isEqualTo(projected).extracting(SessionRow::version)
                .isEqualTo(3L);
    }

    /** A rebuild's shadow has one writer: sessions without a row are copied straight in, the others upserted. */
    @Test
    default void anOnlyWriterCopyingNewSessionsStraightInGivesTheRowsOfApplyingTheEventsOneByOne() {
        List<CloudEvent> events = SessionHistories.interleaved("only", SESSIONS);
        List<ConsumerRecord<byte[], byte[]>> records = SessionHistories.records("only-topic", events);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        ProjectionTransaction transaction = transaction(new SimpleMeterRegistry(),
                new PostgresBulkRows(jdbc, settings(), SessionInfoRepository.LIVE_TABLE, true));
        int third = records.size() / 3;

        // Sessions whose events span batches: new in one, changed in the next; then all of it again.
        transaction.apply("only-topic", records.subList(0, third));
        transaction.apply("only-topic", records.subList(third, 2 * third));
        transaction.apply("only-topic", records.subList(2 * third, records.size()));
        transaction.apply("only-topic", records);

        assertThat(rows("only")).hasSize(SESSIONS).isEqualTo(inMemory(events));
    }

    /**
     * A shadow's writer knows which sessions it wrote since the table was empty and looks up only those: the rows
     * are the same, whether a session's events span batches or come again.
     */
    @Test
    default void anOnlyWriterLookingUpOnlyTheSessionsItWroteGivesTheRowsOfApplyingTheEventsOneByOne() {
        List<CloudEvent> events = SessionHistories.interleaved("fresh", SESSIONS);
        List<ConsumerRecord<byte[], byte[]>> records = SessionHistories.records("fresh-topic", events);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        ProjectionTransaction transaction = transaction(new SimpleMeterRegistry(),
                new PostgresBulkRows(jdbc, settings(), SessionInfoRepository.LIVE_TABLE, true));
        transaction.startEmpty(SESSIONS);
        int third = records.size() / 3;

        transaction.apply("fresh-topic", records.subList(0, third));
        transaction.apply("fresh-topic", records.subList(third, 2 * third));
        // A few at a time (the row-by-row path), then all of it again.
        for (int from = 2 * third; from < records.size(); from += 7) {
            transaction.apply("fresh-topic", records.subList(from, Math.min(records.size(), from + 7)));
        }
        transaction.apply("fresh-topic", records);

        assertThat(rows("fresh")).hasSize(SESSIONS).isEqualTo(inMemory(events));
    }

    /** The unfiltered Kore list reads its totalCount from these counts, so they must follow the rows exactly. */
    @Test
    default void theListScopesCountsMoveWithTheRowsOnEitherWritePath() {
        Instant t0 = Instant.parse("2026-05-01T08:00:00Z");
        List<CloudEvent> creates = new java.util.ArrayList<>();
        for (int n = 0; n < SESSIONS; n++) {
            SessionScope scope = n % 4 == 0 ? SessionScope.TENANT : new SessionScope("a1", n % 2 == 0 ? "dev" : "prod",
                    null);
            creates.add(TestEvents.envelope(0, t0, new SessionCreated("count", "s-" + n, scope, Parties.NONE,
                    ExternalKeys.NONE, SessionDetails.NONE, SessionStatus.IDLE, null)));
        }
        ProjectionTransaction transaction = transaction(new SimpleMeterRegistry());
        List<ConsumerRecord<byte[], byte[]>> created = SessionHistories.records("count-topic", creates);
        // A wide batch (COPY on PostgreSQL), then a narrow one of deletions (row by row), then the first again.
        transaction.apply("count-topic", created);
        transaction.apply("count-topic-deletes", SessionHistories.records("count-topic-deletes", List.of(
                TestEvents.envelope(1, t0.plusSeconds(1), new SessionDeleted("count", "s-1")),
                TestEvents.envelope(1, t0.plusSeconds(1), new SessionDeleted("count", "s-2")),
                TestEvents.envelope(1, t0.plusSeconds(1), new SessionDeleted("count", "s-4")))));
        transaction.apply("count-topic", created);

        SessionInfoRepository sessions = new SessionInfoRepository(new JdbcTemplate(dataSource()));
        for (String environment : List.of("dev", "prod")) {
            Long counted = new JdbcTemplate(dataSource()).queryForObject("select count(*) from session_info where "
                    + "tenant_id = 'count' and app_id = 'a1' and environment = ? and deleted = false", Long.class,
                    environment);
            assertThat(sessions.countOf(new SessionCounts.Scope("count", "a1", environment))).as(environment)
                    .isEqualTo(counted).isEqualTo(environment.equals("dev") ? 9L : 19L);
        }
    }

    private ProjectionTransaction transaction(SimpleMeterRegistry meters) {
        return transaction(meters, new PostgresBulkRows(new JdbcTemplate(dataSource()), settings()));
    }

    private ProjectionTransaction transaction(SimpleMeterRegistry meters, PostgresBulkRows bulk) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        return new ProjectionTransaction(TestEvents.CODEC, new SessionInfoRepository(jdbc), new OffsetRepository(jdbc),
                bulk,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource())), meters,
                new DeadLetterRepository(jdbc), letters -> {
                    throw new AssertionError("nothing here is a dead letter: " + letters);
                }, PersonalDataKeys.none());
    }

    private static ProjectionProperties settings() {
        return new ProjectionProperties(true, "unused", 500, Duration.ofMillis(100), Duration.ofMillis(500), BULK,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(5));
    }

    private Map<String, SessionRow> rows(String tenant) {
        return rows(tenant, SESSIONS);
    }

    private Map<String, SessionRow> rows(String tenant, int sessions) {
        return new SessionInfoRepository(new JdbcTemplate(dataSource()))
                .findAll(IntStream.range(0, sessions).mapToObj(n -> tenant + ":s-" + n).toList());
    }

    /** The rules applied one event at a time, no database: what every path must end in. */
    private static Map<String, SessionRow> inMemory(List<CloudEvent> events) {
        Map<String, SessionRow> rows = new HashMap<>();
        for (CloudEvent event : events) {
            String id = event.tenantid() + ":" + event.subject();
            rows.put(id, SessionProjector.apply(rows.get(id), event, TestEvents.CODEC.payload(event).orElseThrow()));
        }
        return rows;
    }
}
