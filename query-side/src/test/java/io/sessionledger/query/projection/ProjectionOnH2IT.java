package io.sessionledger.query.projection;

import io.sessionledger.query.support.TestDatabases;

/** The same migrations and projection on an H2 file in PostgreSQL mode, the embedded default's store. */
class ProjectionOnH2IT extends AbstractProjectionIT {

    @Override
    protected TestDatabases.Opened openDatabase() {
        return TestDatabases.h2();
    }
}
