package io.sessionledger.query.lists;

import io.sessionledger.query.support.TestDatabases;

/** The list queries on an H2 file in PostgreSQL mode, the embedded default's store. */
class ListQueriesOnH2IT extends AbstractListQueriesIT {

    @Override
    protected TestDatabases.Opened openDatabase() {
        return TestDatabases.h2();
    }
}
