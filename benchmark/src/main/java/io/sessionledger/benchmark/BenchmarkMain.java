package io.sessionledger.benchmark;

import io.sessionledger.benchmark.Settings.Part;
import io.sessionledger.benchmark.load.Phases;
import io.sessionledger.benchmark.reference.PgServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Command line of the benchmark; {@code benchmark/run.sh} starts a system and calls this against it. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Load the running Session Ledger over HTTP next to a pgbench reference; "
                + "writes bench-results/<timestamp>/{results.md,results.json,plot.html}.")
public final class BenchmarkMain implements Callable<Integer> {

    @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080", description = "edge base URL")
    URI baseUrl;
    @Option(names = "--admin-key", defaultValue = "${env:LEDGER_ADMIN_KEY}", description = "issues the tenant key")
    String adminKey;
    @Option(names = "--api-key", description = "a tenant key to use instead of issuing one")
    String apiKey;
    @Option(names = "--tenant", defaultValue = "bench")
    String tenant;
    @Option(names = "--warmup", defaultValue = "5", description = "seconds of unrecorded warm-up per phase")
    int warmup;
    @Option(names = "--duration", defaultValue = "20", description = "seconds measured per phase")
    int duration;
    @Option(names = "--system-warmup", defaultValue = "180",
            description = "seconds of unrecorded creates before the first phase, until the JIT has compiled the hot paths")
    int systemWarmup;
    @Option(names = "--quick", description = "5 s phases, 2 s warm-up, 10 s system warm-up (smoke run)")
    boolean quick;
    @Option(names = "--concurrency", split = ",", defaultValue = "1,4,16,32", description = "create sweep")
    List<Integer> concurrency;
    @Option(names = "--read-concurrency", defaultValue = "16", description = "gets and associations")
    int readConcurrency;
    @Option(names = "--lag-rate", defaultValue = "1000", description = "writes/s offered in the lag run")
    double lagRate;
    @Option(names = "--lag-poll-micros", defaultValue = "1000", description = "visibility poll interval")
    long lagPollMicros;
    @Option(names = "--bulk-sessions", defaultValue = "1000000", description = "rows for the big get; 0 skips")
    int bulkSessions;
    @Option(names = "--pg-host", defaultValue = "127.0.0.1")
    String pgHost;
    @Option(names = "--pg-port", defaultValue = "5432")
    int pgPort;
    @Option(names = "--pg-user", defaultValue = "postgres")
    String pgUser;
    @Option(names = "--pg-password", defaultValue = "")
    String pgPassword;
    @Option(names = "--read-db-url", description = "JDBC URL of the query side's PostgreSQL database")
    String readDbUrl;
    @Option(names = "--kafka", description = "bootstrap servers (topic read when the rebuild endpoint is absent)")
    String kafka;
    @Option(names = "--topic", defaultValue = "session-events")
    String topic;
    @Option(names = "--rebuild-events", defaultValue = "0",
            description = "before the rebuild, top the topic up to this many events (needs --kafka); 0 adds none")
    long rebuildEvents;
    @Option(names = "--rebuild-warmups", defaultValue = "1",
            description = "unrecorded rebuilds before the measured one (0 with --quick)")
    int rebuildWarmups;
    @Option(names = "--only", split = ",", description = "run only these sections: ${COMPLETION-CANDIDATES}")
    Set<Part> only;
    @Option(names = "--skip-reference", description = "no pgbench reference (figures then have no ratios)")
    boolean skipReference;
    @Option(names = "--out", defaultValue = "bench-results")
    Path out;
    @Option(names = "--system-pid", description = "the launcher's pid: its process tree and its database's backends "
            + "are the system in the CPU figures")
    Long systemPid;
    @Option(names = "--ledger-db-url", description = "JDBC URL of the command side's database (the audit section "
            + "fills its store)")
    String ledgerDbUrl;
    @Option(names = "--personal-data-secret", defaultValue = "${env:LEDGER_PERSONAL_DATA_SECRET}",
            description = "the system's personal-data secret (base64), so filled subjects are keyed as its own")
    String personalDataSecret;
    @Option(names = "--audit-events", defaultValue = "1000000",
            description = "events the audit section adds to the store before timing verification and export; 0 adds none")
    long auditEvents;
    @Option(names = "--audit-writes", defaultValue = "30", description = "single writes timed to their checkpoint")
    int auditWrites;
    @Mixin
    CreatePathOptions createPath = new CreatePathOptions();

    public static void main(String[] args) {
        // Later options win, so run.sh's defaults can be overridden from its own command line.
        System.exit(new CommandLine(new BenchmarkMain()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Phases phases = quick
                ? new Phases(Duration.ofSeconds(2), Duration.ofSeconds(5))
                : new Phases(Duration.ofSeconds(warmup), Duration.ofSeconds(duration));
        Duration jitWarmup = Duration.ofSeconds(quick ? Math.min(10, systemWarmup) : systemWarmup);
        Settings settings = new Settings(baseUrl, adminKey, apiKey, tenant, phases, jitWarmup, concurrency,
                readConcurrency, lagRate, lagPollMicros, bulkSessions, new PgServer(pgHost, pgPort, pgUser, pgPassword),
                readDbUrl, kafka, topic, rebuildEvents, quick ? 0 : rebuildWarmups,
                only == null ? EnumSet.allOf(Part.class) : only,
                !skipReference, out, systemPid,
                new Settings.Audit(ledgerDbUrl, personalDataSecret, auditEvents, auditWrites));
        if (quick) {
            createPath.firstMinuteRequests = Math.min(500, createPath.firstMinuteRequests);
        }
        return new BenchmarkRun(settings, createPath).run();
    }
}
