package io.sessionledger.benchmark.reference;

/** The PostgreSQL server the system stores into, reached the same way by JDBC and by pgbench. */
public record PgServer(String host, int port, String user, String password) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
