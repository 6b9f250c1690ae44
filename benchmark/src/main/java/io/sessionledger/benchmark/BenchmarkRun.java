package io.sessionledger.benchmark;

import io.sessionledger.benchmark.Settings.Part;
import io.sessionledger.benchmark.cpu.CpuMeter;
import io.sessionledger.benchmark.createpath.CostWindow;
import io.sessionledger.benchmark.lag.LagRun;
import io.sessionledger.benchmark.lag.VisibilityWatcher;
import io.sessionledger.benchmark.load.ClosedLoop;
import io.sessionledger.benchmark.load.HttpClients;
import io.sessionledger.benchmark.load.OpenLoop;
import io.sessionledger.benchmark.load.PhaseResult;
import io.sessionledger.benchmark.load.Phases;
import io.sessionledger.benchmark.load.RequestFactory;
import io.sessionledger.benchmark.rebuild.RebuildEndpoint;
import io.sessionledger.benchmark.rebuild.RebuildRate;
import io.sessionledger.benchmark.rebuild.TopicFiller;
import io.sessionledger.benchmark.rebuild.TopicReadRate;
import io.sessionledger.benchmark.report.MarkdownReport;
import io.sessionledger.benchmark.report.ResultsWriter;
import io.sessionledger.benchmark.report.SpecTarget;
import io.sessionledger.benchmark.scenario.ApiKeyIssuer;
import io.sessionledger.benchmark.scenario.GenesysScenarios;
import io.sessionledger.benchmark.scenario.KoreScenarios;
import io.sessionledger.benchmark.scenario.Scenario;
import io.sessionledger.benchmark.scenario.Target;
import io.sessionledger.benchmark.scenario.VectaraScenarios;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The run, in order: each scenario group ({@link ScenarioGroup}: Genesys creates and reads, Kore, Vectara) with
 * its creates swept over the create concurrencies (each level right after pgbench at that level) and its reads
 * at the read concurrency, then write-to-readable lag, rebuild rate, and reads among the bulk-loaded sessions
 * ({@code --only} picks some). A section whose prerequisites are missing is skipped with a note, never faked.
 */
final class BenchmarkRun {

    private final Settings settings;
    private final CreatePathOptions createPathOptions;
    private final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final HttpClient client = HttpClients.lean();
    private final ClosedLoop closedLoop = new ClosedLoop(client);
    private final CpuMeter cpu;

    BenchmarkRun(Settings settings, CreatePathOptions createPathOptions) {
        this.settings = settings;
        this.createPathOptions = createPathOptions;
        // the launcher's process tree and its database's backends: the system's own CPU, apart from other work
        this.cpu = new CpuMeter(settings.systemPid(), CreatePathSection.databaseName(
                settings.audit().ledgerDbUrl() != null ? settings.audit().ledgerDbUrl() : settings.readDbUrl()));
    }

    int run() throws Exception {
        String key = settings.apiKey() != null ? settings.apiKey()
                : ApiKeyIssuer.issue(client, settings.baseUrl(), settings.adminKey(), settings.tenantId());
        Target target = new Target(settings.baseUrl(), key, settings.adminKey(), settings.tenantId(), client,
                "b" + stamp);
        Collected collected = new Collected(settings, stamp);
        CreatePathSection createPath = new CreatePathSection(settings, createPathOptions, closedLoop, client, collected,
                cpu);
        try (Reference reference = Reference.open(settings, stamp, collected)) {
            if (settings.runs(Part.creates)) {
                section(collected, "first minute", () -> createPath.ledgerFirstMinute(target));
            }
            if (createPathOptions.firstMinuteOnly) {
                section(collected, "naive peer", createPath::measurePeer);
                return finish(collected, createPath);
            }
            if (!settings.parts().equals(Set.of(Part.rebuild))) {
                warmUp(target, collected);
            }
            for (ScenarioGroup group : ScenarioGroup.all()) {
                if (settings.runs(group.part())) {
                    measureGroup(group, target, reference, collected, createPath);
                }
            }
            if (settings.runs(Part.creates)) {
                // after the ledger's create phases, so neither system's phases run beside the other's processes
                section(collected, "naive peer", createPath::measurePeer);
            }
            if (settings.runs(Part.lag)) {
                section(collected, "lag", () -> lag(GenesysScenarios.create(), target, collected));
            }
            if (settings.runs(Part.rebuild)) {
                section(collected, "rebuild", () -> rebuild(collected));
            }
            if (settings.runs(Part.bulk)) {
                BulkSection bulk = new BulkSection(settings, target, collected, (scenario, concurrency, spec) -> {
                    reference.at(concurrency);
                    measure(scenario, target, concurrency, collected, spec);
                });
                section(collected, "bulk load and Genesys gets", bulk::loadAndGetGenesys);
                section(collected, "Kore and Vectara reads among the bulk sessions", bulk::readKoreAndVectara);
            }
            if (settings.runs(Part.audit)) {
                // last: it adds a million events to the store, which the sections before should not see
                AuditSection audit = new AuditSection(settings, target, key, collected, closedLoop, createPath, cpu,
                        stamp);
                section(collected, "audit: write-path costs", audit::writePathCosts);
                section(collected, "audit: checkpoint latency", audit::checkpointLatency);
                section(collected, "audit: verification and export", audit::verificationAndExport);
            }
        }
        return finish(collected, createPath);
    }

    private int finish(Collected collected, CreatePathSection createPath) throws java.io.IOException {
        createPath.close();
        collected.createPath(createPath.report());
        Path dir = ResultsWriter.write(settings.outDir().resolve(stamp), collected.results());
        System.out.println(MarkdownReport.render(collected.results()));
        System.out.println("Results: " + dir.toAbsolutePath());
        return collected.hadErrors() ? 2 : 0;
    }

    private void measureGroup(ScenarioGroup group, Target target, Reference reference, Collected collected,
                              CreatePathSection createPath) {
        for (Scenario creates : group.swept()) {
            for (int concurrency : settings.createConcurrency()) {
                section(collected, creates.name() + " x" + concurrency, () -> {
                    reference.at(concurrency);
                    CostWindow costs = createPath.ledgerWindow();
                    createPath.ledgerPhase(measure(creates, target, concurrency, collected, null), costs);
                });
            }
        }
        for (Scenario scenario : group.atReadConcurrency()) {
            section(collected, scenario.name(), () -> {
                reference.at(settings.readConcurrency());
                measure(scenario, target, settings.readConcurrency(), collected, null);
            });
        }
    }

    private interface Section {
        void run() throws Exception;
    }

    /** One failed section is reported and the run goes on: the other figures are still worth having. */
    private static void section(Collected collected, String name, Section section) {
        try {
            section.run();
        } catch (Exception e) {
            collected.failed(name + " failed: " + e);
        }
    }

    /**
     * Creates at 16 clients, then reads for a third of that time, not recorded: the services run with the JVM's
     * full JIT, whose compiled code takes minutes of load to settle (measured: creates/s still rising after 3
     * minutes). The read path needs its own share: after creates alone, the first get phase measured half the
     * throughput of the same gets a minute later. The dialects this run measures take turns in both, so
     * each one's own code is compiled too.
     */
    private void warmUp(Target target, Collected collected) throws Exception {
        if (settings.systemWarmup().isZero()) {
            return;
        }
        List<Scenario> writes = new ArrayList<>(List.of(GenesysScenarios.create()));
        List<Scenario> reads = new ArrayList<>(List.of(GenesysScenarios.get()));
        if (settings.runs(Part.kore) || settings.runs(Part.bulk)) {
            writes.add(KoreScenarios.create());
            reads.add(KoreScenarios.listByUser());
        }
        if (settings.runs(Part.vectara) || settings.runs(Part.bulk)) {
            writes.add(VectaraScenarios.create());
            reads.addAll(List.of(VectaraScenarios.get(), VectaraScenarios.listFiltered()));
        }
        Duration readTime = settings.systemWarmup().dividedBy(3);
        System.err.printf("warming the system up for %d s of creates and %d s of reads (not recorded)...%n",
                settings.systemWarmup().toSeconds(), readTime.toSeconds());
        closedLoop.run("warm-up", prepared(writes, target, collected), 16,
                new Phases(settings.systemWarmup(), Duration.ofSeconds(1)));
        closedLoop.run("warm-up", prepared(reads, target, collected), 16, new Phases(readTime, Duration.ofSeconds(1)));
    }

    /**
     * A new dialect whose setup fails is left out of the warm-up (its own section then reports why); Genesys,
     * the first, is what every other section needs, so its failure ends the run as before.
     */
    private static RequestFactory prepared(List<Scenario> scenarios, Target target, Collected collected)
            throws Exception {
        List<RequestFactory> factories = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            try {
                factories.add(scenario.setup().prepare(target));
            } catch (Exception e) {
                if (scenario == scenarios.get(0)) {
                    throw e;
                }
                collected.note("warm-up without " + scenario.name() + ": " + e.getMessage());
            }
        }
        return RequestFactory.interleave(factories);
    }

    private PhaseResult measure(Scenario scenario, Target target, int concurrency, Collected collected,
                                SpecTarget targetOrNull) throws Exception {
        System.err.printf("%s at %d clients...%n", scenario.name(), concurrency);
        PhaseResult result = closedLoop.run(scenario.name(), scenario.setup().prepare(target), concurrency,
                settings.phases());
        collected.phase(result, concurrency, targetOrNull == null ? null : targetOrNull.judge(result.latency()));
        return result;
    }
    private void lag(Scenario creates, Target target, Collected collected) throws Exception {
        if (settings.readDbUrl() == null) {
            collected.note("write-to-readable lag skipped: no --read-db-url (the query side's database)");
            return;
        }
        System.err.printf("write-to-readable lag at %.0f writes/s...%n", settings.lagRate());
        VisibilityWatcher watcher = new VisibilityWatcher(settings.readDbUrl(), settings.postgres().user(),
                settings.postgres().password(), settings.topic(), settings.lagPollMicros());
        LagRun.Outcome outcome = LagRun.run(new OpenLoop(client, 1024), creates.name(),
                creates.setup().prepare(target), settings.lagRate(), settings.phases(), watcher);
        collected.phase(outcome.writes(), 1, "latency from the intended start (open loop)");
        collected.lag(outcome, settings.lagPollMicros());
    }

    private void rebuild(Collected collected) throws Exception {
        if (settings.rebuildEvents() > 0) {
            if (settings.kafka() == null) {
                collected.failed("cannot top the topic up to --rebuild-events without --kafka");
                return;
            }
            System.err.printf("topping %s up to %,d events...%n", settings.topic(), settings.rebuildEvents());
            TopicFiller.Filled filled = TopicFiller.fill(settings.kafka(), settings.topic(), settings.tenantId(),
                    stamp, settings.rebuildEvents());
            collected.note(filled.describe());
        }
        Duration limit = Duration.ofSeconds(120);
        if (settings.rebuildWarmups() > 0) {
            // A rebuild runs code the live path never does (bulk decode, COPY); like every other figure here,
            // it is measured once the JIT has compiled it, and the note says how many rebuilds ran before.
            System.err.printf("%d unrecorded rebuild(s) first...%n", settings.rebuildWarmups());
            for (int i = 0; i < settings.rebuildWarmups(); i++) {
                RebuildEndpoint.measure(client, settings.baseUrl(), settings.adminKey(), limit);
            }
            collected.note(settings.rebuildWarmups() + " unrecorded rebuild(s) ran before the measured one");
        }
        System.err.println("projection rebuild rate...");
        RebuildRate rate = RebuildEndpoint.measure(client, settings.baseUrl(), settings.adminKey(), limit)
                .orElse(null);
        if (rate == null && settings.kafka() == null) {
            collected.note("rebuild rate skipped: no rebuild endpoint and no --kafka for the topic read");
            return;
        }
        collected.rebuild(rate != null ? rate : TopicReadRate.measure(settings.kafka(), settings.topic(), limit));
    }
}
