package io.sessionledger.benchmark.reference;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database the harness creates for the reference and drops afterwards, whatever happened. */
public final class ScratchDatabase implements AutoCloseable {

    private final PgServer server;
    private final String name;

    private ScratchDatabase(PgServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public static ScratchDatabase create(PgServer server, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(),
                server.password()); Statement sql = admin.createStatement()) {
            sql.execute("create database " + name);
        }
        return new ScratchDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public void execute(String statement) throws SQLException {
        try (Connection db = DriverManager.getConnection(server.jdbcUrl(name), server.user(), server.password());
             Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(),
                server.password()); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        }
    }
}
