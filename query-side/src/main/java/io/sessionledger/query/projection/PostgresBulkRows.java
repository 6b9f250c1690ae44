package io.sessionledger.query.projection;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The large batches of a catch-up or rebuild, on PostgreSQL: rows are read with one array parameter and
 * written with COPY into a temporary table, then one insert that keeps, per session, the newer version.
 * Row-by-row statements cost more than the rows there. Small (live) batches and H2 keep the plain path.
 *
 * <p>The version guard makes the write idempotent: a row already at or past a version is left alone, so
 * a batch read again after a crash, or written concurrently by a zombie consumer, ends in the same rows.
 */
@Component
public class PostgresBulkRows {

    // Staged rows have the read model's columns whichever table (live or shadow) they go to.
    private static final String STAGE = "create temporary table if not exists session_info_incoming "
            + "(like session_info) on commit delete rows";
    private static final String COPY = "copy session_info_incoming (" + SessionInfoRepository.COLUMNS
            + ") from stdin (format binary)";

    private final JdbcTemplate jdbc;
    private final int threshold;
    private final String find;
    private final String merge;
    /** Null for the live table, which other writers (a zombie consumer) may insert into at the same time. */
    private final String copyNew;
    /** With {@link #copyNew}: removes the rows a batch changed, which it then copies in anew. */
    private final String deleteChanged;
    private volatile Boolean postgres;

    @Autowired
    public PostgresBulkRows(JdbcTemplate jdbc, ProjectionProperties settings) {
        this(jdbc, settings, SessionInfoRepository.LIVE_TABLE);
    }

    /** @param table the live table, or the shadow a rebuild projects into */
    public PostgresBulkRows(JdbcTemplate jdbc, ProjectionProperties settings, String table) {
        this(jdbc, settings, table, false);
    }

    /**
     * @param onlyWriter whether this writer is the table's only one (a rebuild's shadow): then the sessions a batch
     *                   found no row for are copied straight into the table, without staging or conflict checks,
     *                   and those it changed are deleted and copied in with them (the rows it loaded in its own
     *                   transaction are the current ones, so its fold is always the newer version)
     */
    public PostgresBulkRows(JdbcTemplate jdbc, ProjectionProperties settings, String table, boolean onlyWriter) {
        this.jdbc = jdbc;
        this.copyNew = onlyWriter
                ? "copy " + table + " (" + SessionInfoRepository.COLUMNS + ") from stdin (format binary)" : null;
        this.deleteChanged = onlyWriter ? "delete from " + table + " where aggregate_id = any(?)" : null;
        this.threshold = settings.bulkThreshold();
        this.find = "select " + SessionInfoRepository.COLUMNS + " from " + table + " where aggregate_id = any(?)";
        this.merge = "insert into " + table + " (" + SessionInfoRepository.COLUMNS + ") select "
                + SessionInfoRepository.COLUMNS + " from session_info_incoming on conflict (aggregate_id) do update set "
                + assignments() + " where " + table + ".version < excluded.version";
    }

    /** Whether a batch touching this many sessions goes this way. */
    public boolean suits(int sessions) {
        return sessions >= threshold && onPostgres();
    }

    public Map<String, SessionRow> findAll(Collection<String> aggregateIds) {
        return jdbc.execute((ConnectionCallback<Map<String, SessionRow>>) con -> {
            Map<String, SessionRow> found = new HashMap<>();
            Array ids = con.createArrayOf("varchar", aggregateIds.toArray());
            try (PreparedStatement lookup = con.prepareStatement(find)) {
                lookup.setArray(1, ids);
                try (ResultSet rs = lookup.executeQuery()) {
                    while (rs.next()) {
                        SessionRow row = SessionInfoRepository.map(rs, 0);
                        found.put(row.aggregateId(), row);
                    }
                }
            } finally {
                ids.free();
            }
            return found;
        });
    }

    /**
     * Writes a batch's rows: {@code fresh} are sessions the batch found no row for, {@code changed} the others.
     * Must run in the projection's transaction.
     */
    public void write(List<SessionRow> fresh, List<SessionRow> changed) {
        if (copyNew == null) {
            List<SessionRow> all = new java.util.ArrayList<>(fresh);
            all.addAll(changed);
            upsertAll(all);
            return;
        }
        List<SessionRow> all = new java.util.ArrayList<>(fresh);
        all.addAll(changed);
        if (all.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            if (!changed.isEmpty()) {
                // Cheaper than staging them for an upsert (a speculative insert, its conflict, then an update);
                // the dead rows go when the caught-up shadow is rewritten into the WAL (ShadowTables.indexLikeLive).
                Array ids = con.createArrayOf("varchar", changed.stream().map(SessionRow::aggregateId).toArray());
                try (PreparedStatement delete = con.prepareStatement(deleteChanged)) {
                    delete.setArray(1, ids);
                    delete.executeUpdate();
                } finally {
                    ids.free();
                }
            }
            CopyRows.copy(all, con.unwrap(PGConnection.class).getCopyAPI().copyIn(copyNew));
            return null;
        });
    }

    /** Must run in the projection's transaction: the staged rows are gone at its commit. */
    public void upsertAll(List<SessionRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (Statement sql = con.createStatement()) {
                sql.execute(STAGE);
                CopyRows.copy(rows, con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY));
                sql.executeUpdate(merge);
            }
            return null;
        });
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

    private static String assignments() {
        StringBuilder set = new StringBuilder();
        for (String column : SessionInfoRepository.COLUMNS.split(",\\s*")) {
            if (!column.equals("aggregate_id")) {
                set.append(set.isEmpty() ? "" : ", ").append(column).append(" = excluded.").append(column);
            }
        }
        return set.toString();
    }
}
