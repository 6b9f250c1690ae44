package io.sessionledger.query.projection;

import com.zaxxer.hikari.HikariDataSource;
import io.sessionledger.query.support.TestDatabases;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The same migrations and projection on an H2 file in PostgreSQL mode, the embedded default's store. */
class ProjectionOnH2IT extends AbstractProjectionIT {

    @TempDir
    static Path dataDir;

    private HikariDataSource dataSource;

    @Override
    protected DataSource createDataSource() {
        dataSource = TestDatabases.h2(dataDir);
        return dataSource;
    }

    @Override
    protected void dropDataSource() {
        dataSource.close();
    }
}
