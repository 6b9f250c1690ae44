package io.sessionledger.benchmark;

import io.sessionledger.benchmark.Settings.Part;
import io.sessionledger.benchmark.bulk.BulkLoader;
import io.sessionledger.benchmark.lag.LagRun;
import io.sessionledger.benchmark.lag.VisibilityWatcher;
import io.sessionledger.benchmark.load.ClosedLoop;
import io.sessionledger.benchmark.load.HttpClients;
import io.sessionledger.benchmark.load.OpenLoop;
import io.sessionledger.benchmark.load.PhaseResult;
import io.sessionledger.benchmark.load.Phases;
import io.sessionledger.benchmark.rebuild.RebuildEndpoint;
import io.sessionledger.benchmark.rebuild.RebuildRate;
import io.sessionledger.benchmark.rebuild.TopicFiller;
import io.sessionledger.benchmark.rebuild.TopicReadRate;
import io.sessionledger.benchmark.report.MarkdownReport;
import io.sessionledger.benchmark.report.ResultsWriter;
import io.sessionledger.benchmark.scenario.ApiKeyIssuer;
import io.sessionledger.benchmark.scenario.GenesysScenarios;
import io.sessionledger.benchmark.scenario.Scenario;
import io.sessionledger.benchmark.scenario.Target;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The run, in order: create sweep (each level right after pgbench at that level), the scenarios at the read
 * concurrency, write-to-readable lag, rebuild rate, gets among the bulk-loaded sessions ({@code --only} picks
 * some). A section whose prerequisites are missing is skipped with a note, never faked.
 */
final class BenchmarkRun {

    /** Scenarios measured once at the read concurrency; Kore and Vectara ones join this list. */
    private static final List<Scenario> AT_READ_CONCURRENCY =
            List.of(GenesysScenarios.get(), GenesysScenarios.getEventual(), GenesysScenarios.associate());

    private final Settings settings;
    private final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final HttpClient client = HttpClients.lean();
    private final ClosedLoop closedLoop = new ClosedLoop(client);

    BenchmarkRun(Settings settings) {
        this.settings = settings;
    }

    int run() throws Exception {
        String key = settings.apiKey() != null ? settings.apiKey()
                : ApiKeyIssuer.issue(client, settings.baseUrl(), settings.adminKey(), settings.tenantId());
        Target target = new Target(settings.baseUrl(), key, settings.tenantId(), client, "b" + stamp);
        Collected collected = new Collected(settings, stamp);
        try (Reference reference = Reference.open(settings, stamp, collected)) {
            Scenario creates = GenesysScenarios.create();
            if (!settings.parts().equals(Set.of(Part.rebuild))) {
                warmUp(creates, target);
            }
            for (int concurrency : settings.runs(Part.creates) ? settings.createConcurrency() : List.<Integer>of()) {
                section(collected, creates.name() + " x" + concurrency, () -> {
                    reference.at(concurrency);
                    measure(creates, target, concurrency, collected);
                });
            }
            for (Scenario scenario : settings.runs(Part.reads) ? AT_READ_CONCURRENCY : List.<Scenario>of()) {
                section(collected, scenario.name(), () -> {
                    reference.at(settings.readConcurrency());
                    measure(scenario, target, settings.readConcurrency(), collected);
                });
            }
            if (settings.runs(Part.lag)) {
                section(collected, "lag", () -> lag(creates, target, collected));
            }
            if (settings.runs(Part.rebuild)) {
                section(collected, "rebuild", () -> rebuild(collected));
            }
            if (settings.runs(Part.bulk)) {
                section(collected, "bulk gets", () -> bulkGets(target, reference, collected));
            }
        }
        Path dir = ResultsWriter.write(settings.outDir().resolve(stamp), collected.results());
        System.out.println(MarkdownReport.render(collected.results()));
        System.out.println("Results: " + dir.toAbsolutePath());
        return collected.hadErrors() ? 2 : 0;
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
     * Creates at 16 clients, then gets for a third of that time, not recorded: the services run with the JVM's
     * full JIT, whose compiled code takes minutes of load to settle (measured: creates/s still rising after 3
     * minutes). The read path needs its own share: after creates alone, the first get phase measured half the
     * throughput of the same gets a minute later.
     */
    private void warmUp(Scenario creates, Target target) throws Exception {
        if (settings.systemWarmup().isZero()) {
            return;
        }
        Duration reads = settings.systemWarmup().dividedBy(3);
        System.err.printf("warming the system up for %d s of creates and %d s of gets (not recorded)...%n",
                settings.systemWarmup().toSeconds(), reads.toSeconds());
        closedLoop.run("warm-up", creates.setup().prepare(target), 16,
                new Phases(settings.systemWarmup(), Duration.ofSeconds(1)));
        closedLoop.run("warm-up", GenesysScenarios.get().setup().prepare(target), 16,
                new Phases(reads, Duration.ofSeconds(1)));
    }

    private void measure(Scenario scenario, Target target, int concurrency, Collected collected) throws Exception {
        System.err.printf("%s at %d clients...%n", scenario.name(), concurrency);
        PhaseResult result = closedLoop.run(scenario.name(), scenario.setup().prepare(target), concurrency,
                settings.phases());
        collected.phase(result, concurrency, null);
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

    private void bulkGets(Target target, Reference reference, Collected collected) throws Exception {
        if (settings.bulkSessions() <= 0 || settings.readDbUrl() == null) {
            collected.note("gets among bulk-loaded sessions skipped (needs --bulk-sessions > 0 and --read-db-url)");
            return;
        }
        System.err.printf("bulk-loading %,d sessions...%n", settings.bulkSessions());
        double seconds = BulkLoader.load(settings.readDbUrl(), settings.postgres().user(),
                settings.postgres().password(), settings.tenantId(), settings.bulkSessions());
        collected.note(String.format("bulk load of %,d sessions into session_info (SQL, then VACUUM ANALYZE): %.1f s",
                settings.bulkSessions(), seconds));
        String label = settings.bulkSessions() % 1_000_000 == 0 ? settings.bulkSessions() / 1_000_000 + "M"
                : Integer.toString(settings.bulkSessions());
        // Latency is read at 1 and 4 clients too: at 16 closed-loop clients two cores are saturated by
        // definition, and the p99 there is mostly queueing behind other requests.
        Scenario gets = GenesysScenarios.getAmong(settings.bulkSessions(), label);
        for (int concurrency : new TreeSet<>(List.of(1, 4, settings.readConcurrency()))) {
            reference.at(concurrency);
            measure(gets, target, concurrency, collected);
        }
    }
}
