package io.sessionledger.query.projection;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shadow a rebuild projects into ({@value #ROWS} with its own offsets in {@value #OFFSETS}), and the swap
 * that makes it the live read model. The swap is one transaction, so a reader sees either the old rows and
 * offsets or the new ones:
 * <ul>
 * <li>PostgreSQL: DDL is transactional, so the live table is dropped and the shadow renamed in place (no copy;
 *     readers wait on the table lock for the few milliseconds, then see the new table). The shadow is made with
 *     {@code like session_info including all excluding indexes}, so it has whatever columns migrations gave the
 *     live table, unlogged and with its primary key alone while it fills: every row then costs one index
 *     entry and no WAL instead of five entries and their WAL, and building an index over the finished table
 *     is much cheaper than keeping it row by row. Once the shadow has caught up, {@link #indexLikeLive} gives
 *     it every index of the live table and makes it logged (before the swap, so reads do not wait for it);
 *     its indexes take the live names back at the swap.</li>
 * <li>H2 commits the open transaction on every DDL statement, so a rename cannot be atomic there: the rows are
 *     copied into the live table by one DML transaction instead (H2 is the embedded, small-data default).</li>
 * </ul>
 * The dead letters of the shadow replace the live ones in the same transaction: they describe its rows.
 */
@Component
public class ShadowTables {

    public static final String ROWS = "session_info_shadow";
    public static final String OFFSETS = "projection_offset_shadow";
    public static final String DEAD_LETTERS = "projection_dead_letter_shadow";
    /** The shadow's counts per Kore list scope ({@link SessionCounts}), swapped in with its rows. */
    public static final String COUNTS = ROWS + "_count";
    private static final String LIVE_COUNTS = SessionInfoRepository.LIVE_TABLE + "_count";
    private static final String LIVE = SessionInfoRepository.LIVE_TABLE;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean deferIndexes;
    private volatile Boolean postgres;

    public ShadowTables(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this(jdbc, transaction, true);
    }

    /**
     * @param deferIndexes whether the shadow fills unlogged with its primary key alone (the default), or logged
     *                     and with every index of the live table from the start (kept to measure one against the
     *                     other: {@code ledger.projection.rebuild-defers-indexes=false})
     */
    @Autowired
    public ShadowTables(JdbcTemplate jdbc, TransactionTemplate transaction,
                        @Value("${ledger.projection.rebuild-defers-indexes:true}") boolean deferIndexes) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.deferIndexes = deferIndexes;
    }

    /** Drops what an earlier rebuild left and makes an empty shadow shaped like the live table. */
    public void recreate(String topic) {
        jdbc.execute("drop table if exists " + ROWS);
        if (onPostgres() && deferIndexes) {
            jdbc.execute("create unlogged table " + ROWS + " (like " + LIVE + " including all excluding indexes)");
            jdbc.execute("alter table " + ROWS + " add primary key (aggregate_id)");
        } else if (onPostgres()) {
            jdbc.execute("create table " + ROWS + " (like " + LIVE + " including all)");
        } else {
            jdbc.execute("create table " + ROWS + " as select * from " + LIVE + " with no data");
            jdbc.execute("alter table " + ROWS + " alter column aggregate_id set not null");
            jdbc.execute("alter table " + ROWS + " add primary key (aggregate_id)");
        }
        jdbc.update("delete from " + OFFSETS + " where topic = ?", topic);
        jdbc.update("delete from " + DEAD_LETTERS + " where topic = ?", topic);
        jdbc.update("delete from " + COUNTS);
    }

    /**
     * Gives the shadow every index the live table has that it lacks, and makes it logged (PostgreSQL; nothing on
     * H2, whose shadow is copied into the live table). Costs a few seconds over a million rows: called once the
     * shadow has caught up, before the live side is held still, and again in the swap, where it finds nothing
     * left to do unless the caller skipped it.
     */
    public void indexLikeLive() {
        if (onPostgres()) {
            indexAndLog();
            // Statistics for the planner before the table serves reads (too slow for the swap's lock).
            jdbc.execute("analyze " + ROWS);
        }
    }

    private void indexAndLog() {
        // Writes the table into the WAL once: from now on it survives a crash like the live table. Logged first:
        // PostgreSQL rewrites the table for it and rebuilds every index it has then, so indexes built before
        // would be built twice (only the primary key is rebuilt here).
        jdbc.execute("alter table " + ROWS + " set logged");
        Map<String, String> shadow = indexNamesByDefinition(ROWS);
        // One at a time: two at once on two connections measured no faster here (PostgreSQL already gives a large
        // build a parallel worker): 1.0-1.5 s either way for the five over 120,000 rows, with the machine loaded.
        indexNamesByDefinition(LIVE).keySet().forEach(definition -> {
            String forShadow = definition.replaceFirst(" ON (\\S+\\.)?" + LIVE + " USING ", " ON $1" + ROWS + " USING ");
            if (!shadow.containsKey(forShadow)) {
                jdbc.execute(forShadow);
            }
        });
    }

    /**
     * Swaps when the shadow has reached the live projection on every partition; must run while the live
     * consumer has no batch in flight (its poll thread runs it between batches).
     *
     * @param beginning where each partition began when the rebuild started (the shadow's position where it
     *                  stored none: it found nothing there)
     * @return whether it swapped; false when the shadow is still behind somewhere
     */
    public boolean swapIfCaughtUp(String topic, Map<Integer, Long> beginning) {
        return swapOnceCaughtUp(topic, beginning, live -> { });
    }

    /**
     * Like {@link #swapIfCaughtUp}, with every writer of the live table held still first. Other query-side
     * instances project into it too (their partitions): on PostgreSQL the live table is locked, so that their
     * batches wait, and the shadow is caught up to the live offsets, which no longer move, before the swap. Their
     * next batch then finds its stored offsets replaced and reads on from the shadow's. H2 serves one instance.
     *
     * @param catchUp given the live offsets, projects into the shadow up to them (in this transaction)
     */
    public boolean swapOnceCaughtUp(String topic, Map<Integer, Long> beginning,
                                    java.util.function.Consumer<Map<Integer, Long>> catchUp) {
        Boolean swapped = transaction.execute(status -> {
            if (onPostgres()) {
                // Access exclusive at once: a writer holding a read lock (its batch loaded rows) must not be
                // waited for while it waits for us, and the rename needs this lock anyway.
                jdbc.execute("lock table " + LIVE + " in access exclusive mode");
            }
            Map<Integer, Long> live = new OffsetRepository(jdbc).nextOffsets(topic);
            catchUp.accept(live);
            Map<Integer, Long> shadow = new HashMap<>(beginning);
            shadow.putAll(new OffsetRepository(jdbc, OFFSETS).nextOffsets(topic));
            if (!caughtUp(shadow, live)) {
                return false;
            }
            if (onPostgres()) {
                indexAndLog();
                renameShadowToLive();
            } else {
                jdbc.update("delete from " + LIVE);
                jdbc.update("insert into " + LIVE + " (" + SessionInfoRepository.COLUMNS + ") select "
                        + SessionInfoRepository.COLUMNS + " from " + ROWS);
            }
            jdbc.update("delete from " + LIVE_COUNTS);
            jdbc.update("insert into " + LIVE_COUNTS + " select * from " + COUNTS);
            jdbc.update("delete from " + COUNTS);
            jdbc.update("delete from " + OffsetRepository.LIVE_TABLE + " where topic = ?", topic);
            jdbc.update("insert into " + OffsetRepository.LIVE_TABLE
                    + " (topic, partition_no, next_offset, redelivered)"
                    + " select topic, partition_no, next_offset, redelivered from " + OFFSETS + " where topic = ?", topic);
            jdbc.update("delete from " + OFFSETS + " where topic = ?", topic);
            jdbc.update("delete from " + DeadLetterRepository.LIVE_TABLE + " where topic = ?", topic);
            jdbc.update("insert into " + DeadLetterRepository.LIVE_TABLE + " select * from " + DEAD_LETTERS
                    + " where topic = ?", topic);
            jdbc.update("delete from " + DEAD_LETTERS + " where topic = ?", topic);
            return true;
        });
        if (Boolean.TRUE.equals(swapped) && !onPostgres()) {
            jdbc.execute("drop table if exists " + ROWS);
        }
        return Boolean.TRUE.equals(swapped);
    }

    /** Whether the shadow is at or past the live position of every partition the live projection has read. */
    static boolean caughtUp(Map<Integer, Long> shadow, Map<Integer, Long> live) {
        return live.entrySet().stream().allMatch(at -> shadow.getOrDefault(at.getKey(), 0L) >= at.getValue());
    }

    private void renameShadowToLive() {
        Map<String, String> liveNames = indexNamesByDefinition(LIVE);
        jdbc.execute("drop table " + LIVE);
        jdbc.execute("alter table " + ROWS + " rename to " + LIVE);
        // The next rebuild's shadow, and later migrations, expect the live indexes under their usual names.
        indexNamesByDefinition(LIVE).forEach((definition, name) -> {
            String usual = liveNames.get(definition);
            if (usual != null && !usual.equals(name)) {
                jdbc.execute("alter index " + name + " rename to " + usual);
            }
        });
    }

    /** Each index of the table by its definition with the index's own name left out. */
    private Map<String, String> indexNamesByDefinition(String table) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ?",
                rs -> {
                    String name = rs.getString(1);
                    names.put(rs.getString(2).replace(" INDEX " + name + " ON ", " INDEX ON "), name);
                }, table);
        return names;
    }

    private boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) con ->
                    "PostgreSQL".equals(con.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }
}
