package io.sessionledger.query.projection;

import io.sessionledger.query.support.TestDatabases;

/** The swap on H2 in PostgreSQL mode, where DDL commits: rows are copied in one DML transaction instead. */
class ShadowSwapOnH2IT extends AbstractShadowSwapIT {

    @Override
    protected TestDatabases.Opened openDatabase() {
        return TestDatabases.h2();
    }
}
