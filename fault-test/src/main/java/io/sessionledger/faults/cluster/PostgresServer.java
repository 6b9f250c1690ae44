package io.sessionledger.faults.cluster;

import io.sessionledger.testsupport.TestPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL cluster, restarted as an operator would ({@code pg_ctlcluster ... restart}: a fast
 * shutdown, open connections are cut). It is shared with every other test on the machine, so only this suite
 * restarts it, and only briefly.
 */
final class PostgresServer {

    private static final Path CLUSTERS = Path.of("/etc/postgresql");

    private PostgresServer() {
    }

    /** Restarts the cluster and returns once a connection succeeds again. */
    static void restart(Duration timeout) throws IOException, InterruptedException {
        String version = onlyVersion();
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main",
                "restart").redirectErrorStream(true).start();
        String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!restart.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || restart.exitValue() != 0) {
            throw new IllegalStateException("pg_ctlcluster restart failed: " + output);
        }
        awaitConnection(timeout);
    }

    static void awaitConnection(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection(TestPostgres.SERVER + "postgres", TestPostgres.USER, "")) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not accept connections within " + timeout, notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Whether this machine's cluster can be restarted by this process (pg_ctlcluster, one cluster version). */
    static boolean restartable() {
        try {
            onlyVersion();
        } catch (IOException | IllegalStateException e) {
            return false;
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "pg_ctlcluster")));
    }

    private static String onlyVersion() throws IOException {
        if (!Files.isDirectory(CLUSTERS)) {
            throw new IllegalStateException("no PostgreSQL clusters under " + CLUSTERS);
        }
        try (Stream<Path> versions = Files.list(CLUSTERS)) {
            List<String> names = versions.map(path -> path.getFileName().toString()).toList();
            if (names.size() != 1) {
                throw new IllegalStateException("expected one PostgreSQL version under " + CLUSTERS + ", found " + names);
            }
            return names.get(0);
        }
    }
}
