package io.sessionledger.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway database on the machine's PostgreSQL (127.0.0.1:5432, trust auth), one per test class, dropped
 * when closed (or when the JVM exits, for databases made in static initialisers).
 */
public final class TestPostgres implements AutoCloseable {

    public static final String SERVER = System.getProperty("ledger.test.pg", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getProperty("ledger.test.pg.user", "postgres");

    private final String name;

    private TestPostgres(String name) {
        this.name = name;
    }

    /** A new database named {@code prefix_<random>}; {@link #close()} drops it. */
    public static TestPostgres create(String prefix) {
        TestPostgres database = new TestPostgres(prefix + "_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12));
        execute("create database " + database.name);
        return database;
    }

    /** A new database dropped when the JVM exits; its JDBC URL. */
    public static String createDatabase(String prefix) {
        TestPostgres database = create(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(database::dropQuietly));
        return database.url();
    }

    public String url() {
        return SERVER + name;
    }

    public String user() {
        return USER;
    }

    @Override
    public void close() {
        execute("drop database if exists " + name + " with (force)");
    }

    private void dropQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // the server may already be stopping; the name is unique, so nothing collides
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for this test: " + e, e);
        }
    }
}
