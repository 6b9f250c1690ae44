package io.sessionledger.benchmark;

import io.sessionledger.benchmark.cpu.CpuMeter;
import io.sessionledger.benchmark.cpu.CpuUse;
import io.sessionledger.benchmark.createpath.CostWindow;
import io.sessionledger.benchmark.createpath.CreatePathReport;
import io.sessionledger.benchmark.createpath.CreatePhase;
import io.sessionledger.benchmark.createpath.DbCounterReader;
import io.sessionledger.benchmark.createpath.FirstMinuteFigures;
import io.sessionledger.benchmark.createpath.PeerRatio;
import io.sessionledger.benchmark.load.ClosedLoop;
import io.sessionledger.benchmark.load.PhaseResult;
import io.sessionledger.benchmark.load.Phases;
import io.sessionledger.benchmark.load.RequestFactory;
import io.sessionledger.benchmark.peer.FirstMinute;
import io.sessionledger.benchmark.peer.NaivePeer;
import io.sessionledger.benchmark.scenario.GenesysScenarios;
import io.sessionledger.benchmark.scenario.Target;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a create costs and how the ledger compares with the naive Axon peer (issue 11, points 2 and 6): database
 * commits and tuples per create, CPU per create of the machine and of the load generator, the first minute after
 * start, and the peer measured with the same closed loop after the same warm-up, in the same run.
 */
final class CreatePathSection {

    private final Settings settings;
    private final CreatePathOptions options;
    private final ClosedLoop closedLoop;
    private final HttpClient client;
    private final Collected collected;
    /** The peer's phases: the machine and the load generator (the ledger's processes idle meanwhile). */
    private final CpuMeter cpu = new CpuMeter(null, null);
    /** The ledger's phases: also the ledger's own processes, apart from other work on the machine. */
    private final CpuMeter ledgerCpu;
    private final DbCounterReader ledgerDatabase;
    private final String databaseNote;
    private final List<CreatePhase> phases = new ArrayList<>();
    private final List<FirstMinuteFigures> firstMinute = new ArrayList<>();
    private String peer = "not run (the creates section did not run)";

    CreatePathSection(Settings settings, CreatePathOptions options, ClosedLoop closedLoop, HttpClient client,
                      Collected collected, CpuMeter ledgerCpu) {
        this.settings = settings;
        this.ledgerCpu = ledgerCpu;
        this.options = options;
        this.closedLoop = closedLoop;
        this.client = client;
        this.collected = collected;
        String database = databaseName(settings.readDbUrl());
        DbCounterReader reader = null;
        String note;
        if (database == null) {
            note = "database counters not read: no --read-db-url naming the ledger's database";
        } else {
            try {
                reader = DbCounterReader.open(settings.postgres(), database);
                note = "pg_stat_database of " + database + " (both services' store, read model and positions); "
                        + reader.statementsNote();
            } catch (Exception e) {
                note = "database counters not read: " + e.getMessage();
            }
        }
        this.ledgerDatabase = reader;
        this.databaseNote = note;
    }

    /** The ledger's first minute: run before any warm-up, right after run.sh saw the system healthy. */
    void ledgerFirstMinute(Target target) throws Exception {
        int requests = firstMinuteRequests();
        if (requests == 0) {
            return;
        }
        if (options.systemStart != null) {
            collected.note("the ledger's start (run.sh): " + options.systemStart);
        }
        System.err.printf("first minute: %d Genesys creates, one by one, no keep-alive...%n", requests);
        FirstMinute.Result result = FirstMinute.run(GenesysScenarios.create().setup().prepare(target), requests);
        firstMinute.add(FirstMinuteFigures.of(CreatePhase.LEDGER, GenesysScenarios.create().name(), result));
        failures("ledger first minute", result.errors().values().stream().mapToLong(Long::longValue).sum());
    }

    /** Starts reading this phase's costs; the phase must start right after. */
    CostWindow window(DbCounterReader database) {
        return CostWindow.over(cpu, database, settings.phases());
    }

    CostWindow ledgerWindow() {
        return CostWindow.over(ledgerCpu, ledgerDatabase, settings.phases());
    }

    void ledgerPhase(PhaseResult result, CostWindow window) {
        phases.add(phase(CreatePhase.LEDGER, result, window.await()));
    }

    /** CPU per create of a ledger create phase measured so far, or null. */
    CpuUse.PerOperation ledgerCpu(String scenario, int concurrency) {
        return phases.stream().filter(phase -> phase.system().equals(CreatePhase.LEDGER)
                        && phase.scenario().equals(scenario) && phase.concurrency() == concurrency)
                .map(CreatePhase::cpu).filter(Objects::nonNull).reduce((first, later) -> later).orElse(null);
    }

    /** The naive peer, when it is there: started, its first minute, the same warm-up, the same create sweep. */
    void measurePeer() {
        Optional<String> absent = NaivePeer.absence(options.peerScript());
        if (absent.isPresent()) {
            peer = "not measured: " + absent.get();
            collected.note("naive peer " + peer + "; its ratios are n/a");
            return;
        }
        System.err.println("starting the naive peer (" + options.peerScript() + ")...");
        try (NaivePeer started = NaivePeer.start(options.peerScript(), client)) {
            try {
                measure(started);
                peer = "measured";
            } finally {
                started.database().ifPresent(this::dropPeerDatabase);
            }
        } catch (Exception e) {
            peer = "not measured: " + e.getMessage();
            collected.note("naive peer " + peer + "; its ratios are n/a");
        }
    }

    private void measure(NaivePeer started) throws Exception {
        RequestFactory creates = n -> HttpRequest.newBuilder(started.createUri("x")).timeout(Phases.REQUEST_TIMEOUT)
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        int requests = firstMinuteRequests();
        if (requests > 0) {
            System.err.printf("naive peer first minute: %d creates, one by one, no keep-alive...%n", requests);
            FirstMinute.Result result = FirstMinute.run(creates, requests);
            firstMinute.add(FirstMinuteFigures.of(CreatePhase.PEER, "peer.create", result));
            failures("naive peer first minute", result.errors().values().stream().mapToLong(Long::longValue).sum());
        }
        if (options.firstMinuteOnly) {
            return;
        }
        if (!settings.systemWarmup().isZero()) {
            System.err.printf("warming the naive peer up for %d s of creates (not recorded)...%n",
                    settings.systemWarmup().toSeconds());
            closedLoop.run("peer warm-up", creates, 16, new Phases(settings.systemWarmup(), Duration.ofSeconds(1)));
        }
        DbCounterReader database = null;
        if (started.database().isPresent()) {
            try {
                database = DbCounterReader.open(settings.postgres(), started.database().get());
            } catch (Exception e) {
                collected.note("the naive peer's database counters not read: " + e.getMessage());
            }
        }
        try {
            for (int concurrency : settings.createConcurrency()) {
                System.err.printf("naive peer creates at %d clients...%n", concurrency);
                CostWindow window = window(database);
                PhaseResult result = closedLoop.run("peer.create", creates, concurrency, settings.phases());
                failures("naive peer creates at " + concurrency, result.errorCount());
                phases.add(phase(CreatePhase.PEER, result, window.await()));
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** The section's figures, or null when no create phase and no first minute ran (nothing to report). */
    CreatePathReport report() {
        if (phases.isEmpty() && firstMinute.isEmpty()) {
            return null;
        }
        List<PeerRatio> ratios = new ArrayList<>(PeerRatio.of(phases));
        FirstMinuteFigures ledgerFirst = first(CreatePhase.LEDGER);
        if (ledgerFirst != null) {
            ratios.add(PeerRatio.firstMinute(ledgerFirst, first(CreatePhase.PEER)));
        }
        return new CreatePathReport(peer, databaseNote, List.copyOf(firstMinute), List.copyOf(phases),
                List.copyOf(ratios));
    }

    void close() {
        if (ledgerDatabase != null) {
            try {
                ledgerDatabase.close();
            } catch (Exception ignored) {
                // the run's figures are taken; a failed close changes none of them
            }
        }
    }

    private FirstMinuteFigures first(String system) {
        return firstMinute.stream().filter(f -> f.system().equals(system)).findFirst().orElse(null);
    }

    private static CreatePhase phase(String system, PhaseResult result, CostWindow.Use use) {
        return new CreatePhase(system, result.scenario(), result.concurrency(), result.succeeded(),
                result.throughput(), result.latency().p99(),
                use == null || use.database() == null ? null : use.database().per(result.succeeded()),
                use == null ? null : use.cpu().per(result.succeeded()));
    }

    private int firstMinuteRequests() {
        return Math.max(0, options.firstMinuteRequests);
    }

    private void failures(String what, long count) {
        if (count > 0) {
            collected.failed(what + ": " + count + " failed requests");
        }
    }

    /** The script creates a database per start and never drops it. */
    private void dropPeerDatabase(String name) {
        if (!name.matches("naive_\\d+")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(settings.postgres().jdbcUrl("postgres"),
                settings.postgres().user(), settings.postgres().password());
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (Exception e) {
            collected.note("could not drop the naive peer's database " + name + ": " + e.getMessage());
        }
    }

    /** The database named in a JDBC URL ({@code jdbc:postgresql://host:port/name?...}), or null. */
    static String databaseName(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String path = jdbcUrl.replaceFirst("\\?.*$", "");
        int slash = path.lastIndexOf('/');
        return slash < 0 || slash == path.length() - 1 ? null : path.substring(slash + 1);
    }
}
