package io.sessionledger.query.lists;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The list queries on an H2 file in PostgreSQL mode, the embedded default's store. */
class ListQueriesOnH2IT extends AbstractListQueriesIT {

    @TempDir
    static Path dataDir;

    private HikariDataSource dataSource;

    @Override
    protected DataSource createDataSource() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("query-side/read")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        dataSource.setUsername("sa");
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    @Override
    protected void dropDataSource() {
        dataSource.close();
    }
}
