package io.sessionledger.query.lists;

import com.zaxxer.hikari.HikariDataSource;
import io.sessionledger.testsupport.TestPostgres;
import io.sessionledger.query.support.TestDatabases;
import javax.sql.DataSource;

/** The list queries on the local PostgreSQL, in a database of their own. */
class ListQueriesOnPostgresIT extends AbstractListQueriesIT {

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
