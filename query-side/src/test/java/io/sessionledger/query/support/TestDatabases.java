package io.sessionledger.query.support;

import com.zaxxer.hikari.HikariDataSource;
import io.sessionledger.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.testcontainers.containers.PostgreSQLContainer;

/** The query side's databases as the tests open them, and its schema as the application migrates it. */
public final class TestDatabases {

    /** A test class's own database: a pool on it; closing closes the pool, then drops what was made for it. */
    public record Opened(HikariDataSource dataSource, AutoCloseable made) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            dataSource.close();
            made.close();
        }
    }

    private TestDatabases() {
    }

    /** An H2 file in PostgreSQL mode, as the embedded default runs it, in a directory deleted when closed. */
    public static Opened h2() {
        try {
            Path dataDir = Files.createTempDirectory("ledger-h2-");
            return new Opened(pool("jdbc:h2:file:" + dataDir.resolve("query-side/read")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", null),
                    () -> delete(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A throwaway database on the local PostgreSQL, dropped when closed. */
    public static Opened postgres() {
        TestPostgres postgres = TestPostgres.create("ledger_q");
        return new Opened(pool(postgres.url(), TestPostgres.USER, null), postgres);
    }

    /** The database of a PostgreSQL container, which Testcontainers stops. */
    public static Opened postgres(PostgreSQLContainer<?> container) {
        return new Opened(pool(container.getJdbcUrl(), container.getUsername(), container.getPassword()), () -> { });
    }

    /** The Flyway settings of application.yml. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").table("flyway_query_history")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    private static void delete(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }
}
