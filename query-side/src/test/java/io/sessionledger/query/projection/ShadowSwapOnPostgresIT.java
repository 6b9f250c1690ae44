package io.sessionledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionledger.query.support.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The swap on the local PostgreSQL: a rename in one transaction; the indexes keep their usual names; other
 * instances projecting into the same read model stand still while the shadow catches up and is swapped in.
 */
class ShadowSwapOnPostgresIT extends AbstractShadowSwapIT {

    @Test
    void anotherInstancesBatchWaitsForTheSwapAndThenCommitsOnTheSwappedInTable() throws Exception {
        String topic = "two-instances";
        live().insertAll(List.of(row("theirs-1", 1)));
        new OffsetRepository(jdbc).save(topic, Map.of(0, 5L));
        tables.recreate(topic);
        shadow().insertAll(List.of(row("theirs-1", 1)));
        new OffsetRepository(jdbc, ShadowTables.OFFSETS).save(topic, Map.of(0, 5L));
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        AtomicReference<Future<?>> batch = new AtomicReference<>();
        try {
            boolean swapped = tables.swapOnceCaughtUp(topic, Map.of(0, 0L), live -> {
                // The other instance commits a batch of its partition now, rows and offsets together.
                batch.set(otherInstance.submit(() -> transaction().executeWithoutResult(status -> {
                    live().updateAll(List.of(row("theirs-1", 2)), Map.of("theirs-1", 1L));
                    new OffsetRepository(jdbc).save(topic, Map.of(0, 6L), Map.of(0, 5L));
                })));
                assertThatThrownBy(() -> batch.get().get(2, TimeUnit.SECONDS))
                        .as("the other instance's batch commits while the shadow catches up")
                        .isInstanceOf(TimeoutException.class);
            });

            assertThat(swapped).isTrue();
            batch.get().get(30, TimeUnit.SECONDS);
        } finally {
            otherInstance.shutdownNow();
        }
        assertThat(new OffsetRepository(jdbc).nextOffsets(topic)).isEqualTo(Map.of(0, 6L));
        assertThat(live().find("theirs-1")).get().extracting(SessionRow::version).isEqualTo(2L);
    }

    @Test
    void theShadowFillsUnloggedWithItsPrimaryKeyAloneAndGetsTheLiveIndexesOnceCaughtUp() {
        tables.recreate("deferred");
        assertThat(indexes("session_info_shadow")).containsExactly("session_info_shadow_pkey");
        assertThat(persistence("session_info_shadow")).as("unlogged").isEqualTo("u");

        tables.indexLikeLive();
        tables.indexLikeLive();

        assertThat(indexes("session_info_shadow")).as("one of each").hasSameSizeAs(indexes("session_info"));
        assertThat(persistence("session_info_shadow")).as("logged").isEqualTo("p");
    }

    @Test
    void withoutDeferralTheShadowIsLoggedWithEveryLiveIndexFromTheStart() {
        ShadowTables eager = new ShadowTables(jdbc, transaction(), false);

        eager.recreate("eager");

        assertThat(indexes("session_info_shadow")).hasSameSizeAs(indexes("session_info"));
        assertThat(persistence("session_info_shadow")).as("logged").isEqualTo("p");
        eager.indexLikeLive();
        assertThat(indexes("session_info_shadow")).hasSameSizeAs(indexes("session_info"));
    }

    private List<String> indexes(String table) {
        return jdbc.queryForList("select indexname from pg_indexes where tablename = ?", String.class, table);
    }

    private String persistence(String table) {
        return jdbc.queryForObject("select relpersistence::text from pg_class where relname = ?", String.class, table);
    }

    @Override
    protected TestDatabases.Opened openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected void afterSwaps(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'session_info'", String.class))
                .containsExactlyInAnyOrder("session_info_pkey", "session_info_visit", "session_info_kore_newest",
                        "session_info_kore_user", "session_info_kore_reference", "session_info_vectara_key");
        assertThat(jdbc.queryForObject("select relpersistence::text from pg_class where relname = 'session_info'",
                String.class)).as("logged").isEqualTo("p");
        assertThat(jdbc.queryForObject("select count(*) from pg_tables where tablename = 'session_info_shadow'",
                Long.class)).isZero();
    }
}
