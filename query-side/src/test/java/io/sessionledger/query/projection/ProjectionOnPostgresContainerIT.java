package io.sessionledger.query.projection;

import io.sessionledger.query.support.TestDatabases;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Twin of {@link ProjectionOnPostgresIT} for machines with a Docker engine and no local PostgreSQL. */
@Testcontainers(disabledWithoutDocker = true)
class ProjectionOnPostgresContainerIT extends AbstractProjectionIT {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Override
    protected TestDatabases.Opened openDatabase() {
        return TestDatabases.postgres(POSTGRES);
    }
}
