package io.sessionledger.benchmark;

import io.sessionledger.benchmark.reference.Pgbench;
import io.sessionledger.benchmark.reference.ReferenceResult;
import io.sessionledger.benchmark.reference.ScratchDatabase;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;

/**
 * pgbench in a scratch database created for this run and dropped at its end, measured at each concurrency
 * right before the system is, for as long as the system is.
 */
final class Reference implements AutoCloseable {

    private final Settings settings;
    private final Collected collected;
    private final ScratchDatabase database;
    private final Pgbench pgbench;
    private final Set<Integer> measured = new HashSet<>();

    private Reference(Settings settings, Collected collected, ScratchDatabase database, Pgbench pgbench) {
        this.settings = settings;
        this.collected = collected;
        this.database = database;
        this.pgbench = pgbench;
    }

    static Reference open(Settings settings, String stamp, Collected collected) throws Exception {
        if (!settings.reference()) {
            collected.note("pgbench reference skipped (--skip-reference): no ratios");
            return new Reference(settings, collected, null, null);
        }
        ScratchDatabase database = ScratchDatabase.create(settings.postgres(), "ledger_bench_ref_" + stamp.replace('-', '_'));
        try {
            Pgbench pgbench = new Pgbench(settings.postgres(), database, Files.createTempDirectory("ledger-pgbench"));
            System.err.println("pgbench warm-up...");
            pgbench.run(1, settings.phases().warmup());
            return new Reference(settings, collected, database, pgbench);
        } catch (Exception e) {
            database.close();
            throw e;
        }
    }

    void at(int concurrency) throws Exception {
        if (pgbench == null || !measured.add(concurrency)) {
            return;
        }
        System.err.printf("pgbench reference at %d clients...%n", concurrency);
        ReferenceResult result = pgbench.run(concurrency, settings.phases().measured());
        collected.reference(result);
    }

    @Override
    public void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }
}
