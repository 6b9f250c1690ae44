package io.sessionledger.systemtest;

import io.sessionledger.deploy.LocalSystem;
import io.sessionledger.deploy.LocalSystemConfig;
import io.sessionledger.deploy.Ports;
import io.sessionledger.deploy.RunningSystem;
import io.sessionledger.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole system, started once for every system test class of this JVM as run-local.sh starts it (broker,
 * both services, the edge) on a throwaway PostgreSQL database, and stopped when the JVM exits. Starting it
 * takes most of a system test's time, so the classes share it and each issues its own API key.
 */
final class SharedLedger {

    /** What the launcher said once the system was up (a restarted service, ...). */
    static final List<String> LAUNCHER_SAID = new CopyOnWriteArrayList<>();
    private static RunningSystem system;
    private static TestPostgres database;
    private static Path dataDir;

    private SharedLedger() {
    }

    static synchronized RunningSystem system() throws Exception {
        if (system == null) {
            database = TestPostgres.create("ledger_st");
            dataDir = Files.createTempDirectory("ledger-system-test");
            Path home = Path.of(System.getProperty("ledger.home", "..")).toAbsolutePath().normalize();
            Map<String, String> env = Map.of(
                    "LEDGER_HTTP_PORT", Integer.toString(Ports.findFree()),
                    "LEDGER_EDGE_METRICS_PORT", Integer.toString(Ports.findFree()),
                    "LEDGER_COMMAND_PORT", Integer.toString(Ports.findFree()),
                    "LEDGER_QUERY_PORT", Integer.toString(Ports.findFree()),
                    "LEDGER_KAFKA_PORT", Integer.toString(Ports.findFreePair()),
                    "LEDGER_DATA_DIR", dataDir.toString(),
                    "LEDGER_DB_URL", database.url(),
                    "LEDGER_DB_USER", database.user(),
                    "LEDGER_DB_PASSWORD", "",
                    // The plain jars, as before the start-up cache: a first start records it, which on a busy
                    // machine can push a service past the launcher's 120 s to UP (JvmCacheIT covers the cache).
                    "LEDGER_JVM_CACHE", "off");
            system = LocalSystem.start(LocalSystemConfig.fromEnvironment(env, home), LAUNCHER_SAID::add);
            Runtime.getRuntime().addShutdownHook(new Thread(SharedLedger::stop, "system-test-stop"));
        }
        return system;
    }

    /** How many events the store holds: what a refused request must leave unchanged. */
    static long storedEvents() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Runs a statement on the store directly: what a test does to put the system in a state no API allows. */
    static long query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
             Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return statement.getUpdateCount();
            }
            try (ResultSet result = statement.getResultSet()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static synchronized void stop() {
        try {
            system.close();
        } finally {
            database.close();
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind harms nothing
        }
    }
}
