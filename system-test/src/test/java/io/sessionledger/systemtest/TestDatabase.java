package io.sessionledger.systemtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A throw-away PostgreSQL database on the machine's server (127.0.0.1:5432, trust auth). */
final class TestDatabase implements AutoCloseable {

    private static final String SERVER = System.getProperty("ledger.pg.server", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("ledger.pg.user", "postgres");

    private final String name = "ledger_st_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    TestDatabase() throws SQLException {
        execute("CREATE DATABASE " + name);
    }

    String url() {
        return SERVER + name;
    }

    String user() {
        return USER;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
