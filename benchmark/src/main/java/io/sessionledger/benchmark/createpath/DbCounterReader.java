package io.sessionledger.benchmark.createpath;

import io.sessionledger.benchmark.reference.PgServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Reads one database's counters over a connection of its own to the {@code postgres} database, so the readings
 * are not counted in the database they measure. PostgreSQL 15 backends flush their counts at most once a second,
 * so a reading can miss up to about a second of another backend's work at each end of a window.
 */
public final class DbCounterReader implements AutoCloseable {

    private static final String DATABASE = """
            select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_fetched, tup_returned
            from pg_stat_database where datname = ?""";
    private static final String STATEMENTS = """
            select coalesce(sum(calls), 0) from pg_stat_statements
            where dbid = (select oid from pg_database where datname = ?)""";

    private final Connection connection;
    private final String database;
    private final Connection statements;
    private final String statementsNote;

    /** @param statements a connection in the measured database for pg_stat_statements, or null */
    private DbCounterReader(Connection connection, String database, Connection statements, String statementsNote) {
        this.connection = connection;
        this.database = database;
        this.statements = statements;
        this.statementsNote = statementsNote;
    }

    /**
     * Statements are counted only where {@code pg_stat_statements} is both preloaded (a server restart, not the
     * harness's to do) and creatable in the measured database; otherwise the tuple counters stand in for them.
     */
    public static DbCounterReader open(PgServer server, String database) throws SQLException {
        Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(),
                server.password());
        connection.setAutoCommit(true);
        String preload = single(connection, "show shared_preload_libraries");
        if (!preloads(preload)) {
            return new DbCounterReader(connection, database, null, "pg_stat_statements not available "
                    + "(shared_preload_libraries = '" + preload + "'): statements not counted, tuple counters instead");
        }
        // The view exists only where the extension was created; this connection's two readings per window are
        // counted in the measured database (a few statements per window, against thousands of creates).
        Connection inDatabase = DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
        try (Statement statement = inDatabase.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
        } catch (SQLException e) {
            inDatabase.close();
            return new DbCounterReader(connection, database, null,
                    "pg_stat_statements preloaded but not usable: " + e.getMessage());
        }
        return new DbCounterReader(connection, database, inDatabase,
                "statements from pg_stat_statements (calls of every statement in " + database + ")");
    }

    static boolean preloads(String sharedPreloadLibraries) {
        return Arrays.stream(sharedPreloadLibraries.split(","))
                .map(name -> name.trim().replace("\"", ""))
                .anyMatch("pg_stat_statements"::equals);
    }

    /** How statements are counted in this run (or why they are not). */
    public String statementsNote() {
        return statementsNote;
    }

    public synchronized DbCounters read() throws SQLException {
        // Each query runs in its own transaction, so the statistics snapshot is fresh every time.
        try (PreparedStatement query = connection.prepareStatement(DATABASE)) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no pg_stat_database row for " + database);
                }
                return new DbCounters(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), statements == null ? null : statementCalls());
            }
        }
    }

    private long statementCalls() throws SQLException {
        try (PreparedStatement query = statements.prepareStatement(STATEMENTS)) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        if (statements != null) {
            statements.close();
        }
        connection.close();
    }
}
