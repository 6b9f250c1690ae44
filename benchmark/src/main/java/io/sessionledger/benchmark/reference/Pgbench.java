package io.sessionledger.benchmark.reference;

import io.sessionledger.benchmark.load.Latency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Runs {@code pgbench} with the event-row script at a given concurrency and reads its per-transaction log
 * for percentiles (pgbench itself only prints the mean).
 */
public final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: (\\d+)");

    private final PgServer server;
    private final ScratchDatabase database;
    private final Path workDir;

    public Pgbench(PgServer server, ScratchDatabase database, Path workDir) throws Exception {
        this.server = server;
        this.database = database;
        this.workDir = Files.createDirectories(workDir);
        database.execute(EventRow.DDL);
        Files.writeString(workDir.resolve("event-row.sql"), EventRow.script());
    }

    public ReferenceResult run(int concurrency, Duration duration) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(workDir.resolve("c" + concurrency + "-" + System.nanoTime()));
        List<String> command = List.of("pgbench", "-n", "-M", "prepared", "-h", server.host(),
                "-p", Integer.toString(server.port()), "-U", server.user(),
                "-c", Integer.toString(concurrency), "-j", Integer.toString(Math.min(concurrency, 2)),
                "-T", Long.toString(Math.max(1, duration.toSeconds())),
                "-f", workDir.resolve("event-row.sql").toString(),
                "-l", "--log-prefix=" + logs.resolve("tx"), database.name());
        ProcessBuilder builder = new ProcessBuilder(command).directory(logs.toFile()).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", server.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroy();
            throw new IOException("pgbench failed:\n" + output);
        }
        return new ReferenceResult(concurrency, duration.toSeconds(), number(TRANSACTIONS, output),
                Double.parseDouble(find(TPS, output)), Latency.ofMicros(readLogs(logs)));
    }

    /** Log lines: {@code client_id transaction_no latency_us script_no epoch_s epoch_us}. */
    static Histogram readLogs(Path logs) throws IOException {
        Histogram micros = Latency.newMicrosHistogram();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(logs)) {
            listed.filter(p -> p.getFileName().toString().startsWith("tx")).forEach(files::add);
        }
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file)) {
                lines.map(line -> line.split(" ")).filter(f -> f.length >= 3 && f[2].matches("\\d+"))
                        .forEach(f -> micros.recordValue(Math.max(1, Long.parseLong(f[2]))));
            }
            Files.delete(file);
        }
        return micros;
    }

    private static long number(Pattern pattern, String output) {
        return Long.parseLong(find(pattern, output));
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected pgbench output:\n" + output);
        }
        return matcher.group(1);
    }
}
