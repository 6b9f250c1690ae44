package io.sessionledger.query.support;

import io.sessionledger.testsupport.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The query side's databases as the tests open them, and its schema as the application migrates it. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** An H2 file under {@code dataDir} in PostgreSQL mode, as the embedded default runs it. */
    public static HikariDataSource h2(Path dataDir) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("query-side/read")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        dataSource.setUsername("sa");
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    public static HikariDataSource postgres(TestPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.url());
        dataSource.setUsername(TestPostgres.USER);
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    /** The Flyway settings of application.yml. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").table("flyway_query_history")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
}
