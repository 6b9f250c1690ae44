package io.sessionledger.query.projection;

import io.sessionledger.query.support.TestDatabases;

/** The projection on the local PostgreSQL, in a database of its own. */
class ProjectionOnPostgresIT extends AbstractProjectionIT {

    @Override
    protected TestDatabases.Opened openDatabase() {
        return TestDatabases.postgres();
    }
}
