package io.sessionledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.query.support.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuild's shadow and its swap on a migrated database of the subclass's choice: the swap happens only
 * once the shadow is at or past the live offsets, replaces rows and offsets together, and can be done again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractShadowSwapIT {

    private static final String TOPIC = "swap-topic";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestDatabases.Opened database;
    protected JdbcTemplate jdbc;
    protected ShadowTables tables;

    protected abstract TestDatabases.Opened openDatabase();

    @BeforeAll
    void migrate() {
        database = openDatabase();
        TestDatabases.migrate(database.dataSource());
        jdbc = new JdbcTemplate(database.dataSource());
        tables = new ShadowTables(jdbc, transaction());
    }

    @AfterAll
    void drop() throws Exception {
        database.close();
    }

    @Test
    void theShadowReplacesRowsAndOffsetsTogetherOnlyOnceCaughtUpAndAgainOnTheNextRebuild() {
        live().insertAll(List.of(row("stale", 1), row("kept", 1)));
        new OffsetRepository(jdbc).save(TOPIC, Map.of(0, 5L, 1, 3L));

        for (int rebuild = 1; rebuild <= 2; rebuild++) {
            tables.recreate(TOPIC);
            assertThat(shadow().findAll(List.of("stale", "kept"))).isEmpty();
            shadow().insertAll(List.of(row("kept", rebuild + 1), row("new-" + rebuild, 1)));
            OffsetRepository shadowOffsets = new OffsetRepository(jdbc, ShadowTables.OFFSETS);
            shadowOffsets.save(TOPIC, Map.of(0, 5L + rebuild));

            assertThat(tables.swapIfCaughtUp(TOPIC, Map.of(0, 0L, 1, 0L))).as("partition 1 behind").isFalse();
            assertThat(live().find("kept")).get().extracting(SessionRow::version).isEqualTo((long) rebuild);

            shadowOffsets.save(TOPIC, Map.of(1, 3L + rebuild));
            assertThat(tables.swapIfCaughtUp(TOPIC, Map.of(0, 0L, 1, 0L))).isTrue();

            assertThat(jdbc.queryForList("select aggregate_id from session_info order by aggregate_id", String.class))
                    .containsExactly("kept", "new-" + rebuild);
            assertThat(live().find("kept")).get().extracting(SessionRow::version).isEqualTo(rebuild + 1L);
            assertThat(new OffsetRepository(jdbc).nextOffsets(TOPIC)).isEqualTo(Map.of(0, 5L + rebuild, 1, 3L + rebuild));
            assertThat(shadowOffsets.nextOffsets(TOPIC)).isEmpty();
            live().insertAll(List.of(row("written-live-" + rebuild, 1)));
            jdbc.update("delete from session_info where aggregate_id = ?", "written-live-" + rebuild);
        }
        afterSwaps(jdbc);
    }

    /** What else must hold on this database once two shadows have been swapped in. */
    protected void afterSwaps(JdbcTemplate jdbc) {
    }

    protected TransactionTemplate transaction() {
        return new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    protected SessionInfoRepository live() {
        return new SessionInfoRepository(jdbc);
    }

    protected SessionInfoRepository shadow() {
        return new SessionInfoRepository(jdbc, ShadowTables.ROWS);
    }

    protected static SessionRow row(String id, long version) {
        return new SessionRow(id, "acme", id, "app", "dev", null, null, null, null, null, "visit-" + id, null,
                "ref-" + id, null, "name", null, null, true, "idle", true, version, "genesys-v1", T0,
                T0.plusSeconds(version), null, false);
    }
}
