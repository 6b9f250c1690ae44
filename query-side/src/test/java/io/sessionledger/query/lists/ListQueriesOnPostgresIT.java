package io.sessionledger.query.lists;

import io.sessionledger.query.support.TestDatabases;

/** The list queries on the local PostgreSQL, in a database of their own. */
class ListQueriesOnPostgresIT extends AbstractListQueriesIT {

    @Override
    protected TestDatabases.Opened openDatabase() {
        return TestDatabases.postgres();
    }
}
