package io.sessionledger.benchmark;

import io.sessionledger.benchmark.bulk.BulkLoader;
import io.sessionledger.benchmark.bulk.BulkPlan;
import io.sessionledger.benchmark.report.SpecTarget;
import io.sessionledger.benchmark.scenario.GenesysScenarios;
import io.sessionledger.benchmark.scenario.KoreScenarios;
import io.sessionledger.benchmark.scenario.Registrations;
import io.sessionledger.benchmark.scenario.Scenario;
import io.sessionledger.benchmark.scenario.Target;
import io.sessionledger.benchmark.scenario.VectaraScenarios;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads among the bulk-loaded sessions (SPEC 8: get by id and a filtered list page with 1,000,000 stored).
 * Latency is read at 1 and 4 clients: at 16 closed-loop clients two cores are saturated by definition, and the
 * p99 there is mostly queueing behind other requests; Genesys gets are read at the read concurrency too.
 */
final class BulkSection {

    @FunctionalInterface
    interface Measure {
        void run(Scenario scenario, int concurrency, SpecTarget targetOrNull) throws Exception;
    }

    private static final List<Integer> LATENCY_CLIENTS = List.of(1, 4);

    private final Settings settings;
    private final Target target;
    private final Collected collected;
    private final Measure measure;
    private BulkPlan loaded;

    BulkSection(Settings settings, Target target, Collected collected, Measure measure) {
        this.settings = settings;
        this.target = target;
        this.collected = collected;
        this.measure = measure;
    }

    /** Loads the rows, then Genesys gets among them. */
    void loadAndGetGenesys() throws Exception {
        if (settings.bulkSessions() <= 0 || settings.readDbUrl() == null) {
            collected.note("reads among bulk-loaded sessions skipped (needs --bulk-sessions > 0 and --read-db-url)");
            return;
        }
        BulkPlan plan = BulkPlan.of(settings.bulkSessions());
        System.err.printf("bulk-loading %,d sessions...%n", plan.total());
        double seconds = BulkLoader.load(settings.readDbUrl(), settings.postgres().user(),
                settings.postgres().password(), settings.tenantId(), plan);
        collected.note(describe(plan, seconds));
        loaded = plan;
        Scenario gets = GenesysScenarios.getAmong(plan.genesys(), plan.label());
        for (int concurrency : new TreeSet<>(List.of(1, 4, settings.readConcurrency()))) {
            measure.run(gets, concurrency, judged(plan, SpecTarget.GET_BY_ID));
        }
    }

    /** Registers the bulk app environment and agents (the rows bypass the API), then reads among them. */
    void readKoreAndVectara() throws Exception {
        if (loaded == null) {
            return;
        }
        Registrations.appEnvironment(target, BulkPlan.KORE_APP, BulkPlan.KORE_ENVIRONMENT);
        Registrations.agents(target, loaded.agents());
        List<Measured> scenarios = List.of(
                new Measured(VectaraScenarios.getAmong(loaded), judged(loaded, SpecTarget.GET_BY_ID)),
                new Measured(VectaraScenarios.listFilteredAmong(loaded), judged(loaded, SpecTarget.FILTERED_PAGE)),
                new Measured(KoreScenarios.listByUserAmong(loaded), judged(loaded, SpecTarget.FILTERED_PAGE)),
                new Measured(KoreScenarios.listFirstPageAmong(loaded), null));
        for (Measured measured : scenarios) {
            for (int concurrency : LATENCY_CLIENTS) {
                measure.run(measured.scenario(), concurrency, measured.target());
            }
        }
    }

    private record Measured(Scenario scenario, SpecTarget target) {
    }

    /** The targets are stated for a million stored sessions: a smaller load is not judged against them. */
    private static SpecTarget judged(BulkPlan plan, SpecTarget target) {
        return plan.total() >= 1_000_000 ? target : null;
    }

    static String describe(BulkPlan plan, double seconds) {
        return String.format("bulk load of %,d sessions straight into session_info (Genesys rows by SQL, Kore and "
                        + "Vectara rows by COPY; not through Kafka, so no event backs them), then VACUUM ANALYZE: "
                        + "%.1f s. Split: %,d Genesys (bulk-N), %,d Kore in app %s env %s (%,d users), %,d Vectara "
                        + "in %d agents of %,d (names bench-<d>-<n>: each filter ^bench-<d> matches 1 in 10). "
                        + "Gets pick a row at random; list pages are first pages of 10, the user, agent and digit "
                        + "at random; kore.list@ is the app's unfiltered first page with its total count",
                plan.total(), seconds, plan.genesys(), plan.kore(), BulkPlan.KORE_APP, BulkPlan.KORE_ENVIRONMENT,
                plan.koreUsers(), plan.vectara(), plan.vectaraAgents(), plan.sessionsPerAgent());
    }
}
