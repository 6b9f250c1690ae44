package io.sessionledger.benchmark.bulk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the query side's {@code session_info} with {@code bulk-1 .. bulk-N} for one tenant, straight in
 * SQL: the point is reading among a million rows, and a million creates through the API would take the
 * whole run. Idempotent, so a rerun against the same database only tops up.
 */
public final class BulkLoader {

    private static final String INSERT = """
            insert into session_info (aggregate_id, tenant_id, session_id, agent_id, customer_id, visit_id,
                status, anonymous, version, dialect, created_at, updated_at, deleted)
            select ? || ':bulk-' || g, ?, 'bulk-' || g, 'a-' || (g % 1000), 'c-bulk-' || g, 'v-bulk-' || g,
                'idle', false, 1, 'genesys-v1', now() - g * interval '1 second', now() - g * interval '1 second',
                false
            from generate_series(1, ?) g
            on conflict (aggregate_id) do nothing""";

    private BulkLoader() {
    }

    /** @return seconds spent loading and analysing */
    public static double load(String jdbcUrl, String user, String password, String tenantId, int sessions)
            throws SQLException {
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                insert.setString(1, tenantId);
                insert.setString(2, tenantId);
                insert.setInt(3, sessions);
                insert.executeUpdate();
            }
            try (Statement sql = db.createStatement()) {
                sql.execute("vacuum analyze session_info");
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
