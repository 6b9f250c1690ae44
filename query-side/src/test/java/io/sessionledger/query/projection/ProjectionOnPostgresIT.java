package io.sessionledger.query.projection;

import com.zaxxer.hikari.HikariDataSource;
import io.sessionledger.testsupport.TestPostgres;
import io.sessionledger.query.support.TestDatabases;
import javax.sql.DataSource;

/** The projection on the local PostgreSQL, in a database of its own. */
class ProjectionOnPostgresIT extends AbstractProjectionIT {

    private TestPostgres postgres;
    private HikariDataSource dataSource;

    @Override
    protected DataSource createDataSource() {
        postgres = TestPostgres.create("ledger_q");
        dataSource = TestDatabases.postgres(postgres);
        return dataSource;
    }

    @Override
    protected void dropDataSource() {
        dataSource.close();
        postgres.close();
    }
}
