package io.sessionledger.query.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A throw-away database on the PostgreSQL at 127.0.0.1:5432 (trust auth), one per test class. */
public final class LocalPostgres {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";

    private final String database = "ledger_q_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public static LocalPostgres create() {
        LocalPostgres postgres = new LocalPostgres();
        postgres.execute("create database " + postgres.database);
        return postgres;
    }

    public String url() {
        return SERVER + database;
    }

    public void drop() {
        execute("drop database if exists " + database + " with (force)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
