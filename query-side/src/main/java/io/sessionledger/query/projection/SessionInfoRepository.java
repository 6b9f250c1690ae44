package io.sessionledger.query.projection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code session_info}; the SQL runs on PostgreSQL and on H2 in PostgreSQL mode. */
@Repository
public class SessionInfoRepository {

    public static final String COLUMNS = "aggregate_id, tenant_id, session_id, app_id, environment, agent_key, "
            + "agent_id, customer_id, user_reference, user_id, visit_id, global_visit_id, session_reference, "
            + "session_key, name, description, metadata, enabled, status, anonymous, version, dialect, "
            + "created_at, updated_at, ended_at, deleted";
    public static final String LIVE_TABLE = "session_info";
    private static final String INSERT = "insert into %s (" + COLUMNS + ") values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // The version guard turns a concurrent writer (a zombie consumer after a rebalance) into a retry.
    private static final String UPDATE = "update %s set tenant_id = ?, session_id = ?, app_id = ?, "
            + "environment = ?, agent_key = ?, agent_id = ?, customer_id = ?, user_reference = ?, user_id = ?, "
            + "visit_id = ?, global_visit_id = ?, session_reference = ?, session_key = ?, name = ?, "
            + "description = ?, metadata = ?, enabled = ?, status = ?, anonymous = ?, version = ?, dialect = ?, "
            + "created_at = ?, updated_at = ?, ended_at = ?, deleted = ? where aggregate_id = ? and version = ?";
    private static final RowMapper<SessionRow> MAPPER = SessionInfoRepository::map;
    private static final int LOOKUP_SLICE = 1_000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String table;
    /** The table's counts per Kore list scope ({@link SessionCounts}): {@code session_info_count} for the live one. */
    private final String countTable;

    @Autowired
    public SessionInfoRepository(JdbcTemplate jdbc) {
        this(jdbc, LIVE_TABLE);
    }

    /** @param table the live table, or the shadow a rebuild projects into (same columns) */
    public SessionInfoRepository(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.table = table;
        this.countTable = table + "_count";
    }

    /**
     * Adds the changes to the scopes' counts; called in the transaction that writes the rows they come from.
     * Updated first and inserted where none was there yet: two instances inserting the same new scope at once
     * fail one batch on the key, and it is retried.
     */
    public void addToCounts(Map<SessionCounts.Scope, Long> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // In one order everywhere: two instances' batches then wait for each other's rows, never deadlock.
        List<Map.Entry<SessionCounts.Scope, Long>> entries = changes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(SessionCounts.Scope.ORDER)).toList();
        int[][] updated = jdbc.batchUpdate("update " + countTable + " set sessions = sessions + ? "
                        + "where tenant_id = ? and app_id = ? and environment = ?", entries, entries.size(),
                (ps, change) -> {
                    ps.setLong(1, change.getValue());
                    bindScope(ps, 2, change.getKey());
                });
        List<Map.Entry<SessionCounts.Scope, Long>> missing = new java.util.ArrayList<>();
        int i = 0;
        for (int[] chunk : updated) {
            for (int count : chunk) {
                if (count == 0) {
                    missing.add(entries.get(i));
                }
                i++;
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into " + countTable + " (sessions, tenant_id, app_id, environment) "
                + "values (?, ?, ?, ?)", missing, missing.size(), (ps, change) -> {
                    ps.setLong(1, change.getValue());
                    bindScope(ps, 2, change.getKey());
                });
    }

    /** The sessions of the scope, deleted ones left out, as the projection has counted them. */
    public long countOf(SessionCounts.Scope scope) {
        List<Long> counts = jdbc.queryForList("select sessions from " + countTable
                        + " where tenant_id = ? and app_id = ? and environment = ?", Long.class,
                scope.tenantId(), scope.appId(), scope.environment());
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private static void bindScope(PreparedStatement ps, int first, SessionCounts.Scope scope) throws SQLException {
        ps.setString(first, scope.tenantId());
        ps.setString(first + 1, scope.appId());
        ps.setString(first + 2, scope.environment());
    }

    public Optional<SessionRow> find(String aggregateId) {
        return jdbc.query("select " + COLUMNS + " from " + table + " where aggregate_id = ?", MAPPER, aggregateId)
                .stream().findFirst();
    }

    public Map<String, SessionRow> findAll(Collection<String> aggregateIds) {
        Map<String, SessionRow> found = new HashMap<>();
        List<String> ids = List.copyOf(aggregateIds);
        // In slices: a catch-up poll on H2 can name 20,000 sessions, one bind parameter each.
        for (int from = 0; from < ids.size(); from += LOOKUP_SLICE) {
            named.query("select " + COLUMNS + " from " + table + " where aggregate_id in (:ids)",
                            Map.of("ids", ids.subList(from, Math.min(ids.size(), from + LOOKUP_SLICE))), MAPPER)
                    .forEach(row -> found.put(row.aggregateId(), row));
        }
        return found;
    }

    public void insertAll(List<SessionRow> rows) {
        jdbc.batchUpdate(INSERT.formatted(table), rows, rows.size(), (ps, row) -> {
            ps.setString(1, row.aggregateId());
            bindFields(ps, 2, row);
        });
    }

    /** @param previousVersions the version each row had when it was read, by aggregate id */
    public void updateAll(List<SessionRow> rows, Map<String, Long> previousVersions) {
        int[][] counts = jdbc.batchUpdate(UPDATE.formatted(table), rows, rows.size(), (ps, row) -> {
            int next = bindFields(ps, 1, row);
            ps.setString(next, row.aggregateId());
            ps.setLong(next + 1, previousVersions.get(row.aggregateId()));
        });
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count == 0) {
                    throw new OptimisticLockingFailureException(table + " changed under the projection");
                }
            }
        }
    }

    private static int bindFields(PreparedStatement ps, int first, SessionRow row) throws SQLException {
        int i = first;
        ps.setString(i++, row.tenantId());
        ps.setString(i++, row.sessionId());
        ps.setString(i++, row.appId());
        ps.setString(i++, row.environment());
        ps.setString(i++, row.agentKey());
        ps.setString(i++, row.agentId());
        ps.setString(i++, row.customerId());
        ps.setString(i++, row.userReference());
        ps.setString(i++, row.userId());
        ps.setString(i++, row.visitId());
        ps.setString(i++, row.globalVisitId());
        ps.setString(i++, row.sessionReference());
        ps.setString(i++, row.sessionKey());
        ps.setString(i++, row.name());
        ps.setString(i++, row.description());
        ps.setString(i++, row.metadata());
        ps.setObject(i++, row.enabled(), Types.BOOLEAN);
        ps.setString(i++, row.status());
        ps.setBoolean(i++, row.anonymous());
        ps.setLong(i++, row.version());
        ps.setString(i++, row.dialect());
        ps.setObject(i++, Timestamps.toDb(row.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i++, Timestamps.toDb(row.updatedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i++, Timestamps.toDb(row.endedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setBoolean(i++, row.deleted());
        return i;
    }

    public static SessionRow map(ResultSet rs, int rowNum) throws SQLException {
        return new SessionRow(rs.getString("aggregate_id"), rs.getString("tenant_id"), rs.getString("session_id"),
                rs.getString("app_id"), rs.getString("environment"), rs.getString("agent_key"),
                rs.getString("agent_id"), rs.getString("customer_id"), rs.getString("user_reference"),
                rs.getString("user_id"), rs.getString("visit_id"), rs.getString("global_visit_id"),
                rs.getString("session_reference"), rs.getString("session_key"), rs.getString("name"),
                rs.getString("description"), rs.getString("metadata"), rs.getObject("enabled", Boolean.class),
                rs.getString("status"), rs.getBoolean("anonymous"), rs.getLong("version"),
                rs.getString("dialect"), Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"),
                Timestamps.fromDb(rs, "ended_at"), rs.getBoolean("deleted"));
    }
}
