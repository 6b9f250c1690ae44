package io.sessionledger.query.lists;

import com.zaxxer.hikari.HikariDataSource;
import io.sessionledger.query.support.LocalPostgres;
import io.sessionledger.query.support.TestDatabases;
import javax.sql.DataSource;

/** The list queries on the local PostgreSQL, in a database of their own. */
class ListQueriesOnPostgresIT extends AbstractListQueriesIT {

    private LocalPostgres postgres;
    private HikariDataSource dataSource;

    @Override
    protected DataSource createDataSource() {
        postgres = LocalPostgres.create();
        dataSource = TestDatabases.postgres(postgres);
        return dataSource;
    }

    @Override
    protected void dropDataSource() {
        dataSource.close();
        postgres.drop();
    }
}
