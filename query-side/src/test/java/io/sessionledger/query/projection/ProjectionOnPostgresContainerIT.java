package io.sessionledger.query.projection;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Twin of {@link ProjectionOnPostgresIT} for machines with a Docker engine and no local PostgreSQL. */
@Testcontainers(disabledWithoutDocker = true)
class ProjectionOnPostgresContainerIT extends AbstractProjectionIT {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    private HikariDataSource dataSource;

    @Override
    protected DataSource createDataSource() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(POSTGRES.getJdbcUrl());
        dataSource.setUsername(POSTGRES.getUsername());
        dataSource.setPassword(POSTGRES.getPassword());
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    @Override
    protected void dropDataSource() {
        dataSource.close();
    }
}
