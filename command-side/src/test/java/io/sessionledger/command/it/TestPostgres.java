package io.sessionledger.command.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh database per test class on the machine's PostgreSQL (127.0.0.1:5432, trust auth). */
final class TestPostgres {

    static final String ADMIN_URL = System.getProperty("ledger.test.pg",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getProperty("ledger.test.pg.user", "postgres");

    private TestPostgres() {
    }

    static String createDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    private static void dropQuietly(String name) {
        try {
            execute("drop database if exists " + name + " with (force)");
        } catch (RuntimeException ignored) {
            // the server may already be stopping; the database name is unique, so nothing collides
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is needed for this test: " + e, e);
        }
    }
}
