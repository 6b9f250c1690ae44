package io.sessionledger.query.projection;

import com.zaxxer.hikari.HikariDataSource;
import io.sessionledger.query.support.LocalPostgres;
import io.sessionledger.query.support.TestDatabases;
import javax.sql.DataSource;

/** The projection on the local PostgreSQL, in a database of its own. */
class ProjectionOnPostgresIT extends AbstractProjectionIT {

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
