package io.sessionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.benchmark.audit.AuditApi;
import io.sessionledger.benchmark.audit.CheckpointLatency;
import io.sessionledger.benchmark.audit.ExportReader;
import io.sessionledger.benchmark.audit.LedgerFiller;
import io.sessionledger.benchmark.audit.SigningCost;
import io.sessionledger.benchmark.audit.WritePathCost;
import io.sessionledger.benchmark.cpu.CpuMeter;
import io.sessionledger.benchmark.cpu.CpuSample;
import io.sessionledger.benchmark.cpu.CpuUse;
import io.sessionledger.benchmark.createpath.CostWindow;
import io.sessionledger.benchmark.load.ClosedLoop;
import io.sessionledger.benchmark.load.PhaseResult;
import io.sessionledger.benchmark.report.AuditCosts;
import io.sessionledger.benchmark.scenario.GenesysScenarios;
import io.sessionledger.benchmark.scenario.Target;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * What the audit trail costs (issue 9, point 8): hashing and sealing per create against a create's whole CPU,
 * the latency from a write to the first signed checkpoint covering it, and the rates of a whole-ledger
 * verification and a tenant-wide export once the store holds {@code --audit-events} more events.
 */
final class AuditSection {

    static final double TARGET_EVENTS_PER_SECOND = 100_000;
    private static final int PROBE_CLIENTS = 16;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LIMIT = Duration.ofMinutes(30);

    private final Settings settings;
    private final Target target;
    private final String tenantKey;
    private final Collected collected;
    private final ClosedLoop closedLoop;
    private final CreatePathSection createPath;
    private final CpuMeter meter;
    private final String stamp;
    private final AuditApi api;

    AuditSection(Settings settings, Target target, String tenantKey, Collected collected, ClosedLoop closedLoop,
                 CreatePathSection createPath, CpuMeter meter, String stamp) {
        this.settings = settings;
        this.target = target;
        this.tenantKey = tenantKey;
        this.collected = collected;
        this.closedLoop = closedLoop;
        this.createPath = createPath;
        this.meter = meter;
        this.stamp = stamp;
        this.api = new AuditApi(target.client(), settings.baseUrl(), settings.adminKey());
    }

    /** The microbenchmark and signing in this JVM, then a create's CPU: from the creates section, else measured. */
    void writePathCosts() throws Exception {
        System.err.println("audit: write-path microbenchmark (in process)...");
        WritePathCost.Result micro = new WritePathCost().measure(settings.phases().warmup(),
                settings.phases().measured(), 5);
        double signing = SigningCost.microsPerNote(Duration.ofSeconds(1), Duration.ofSeconds(2));
        String source = "genesys.create at " + PROBE_CLIENTS + " clients (creates section)";
        CpuUse.PerOperation cpu = createPath.ledgerCpu(GenesysScenarios.create().name(), PROBE_CLIENTS);
        if (cpu == null && meter.available()) {
            // a ledger create phase like the creates section's, with its costs (it joins the create-path figures)
            System.err.printf("audit: creates at %d clients for their CPU...%n", PROBE_CLIENTS);
            CostWindow window = createPath.ledgerWindow();
            PhaseResult result = closedLoop.run(GenesysScenarios.create().name(),
                    GenesysScenarios.create().setup().prepare(target), PROBE_CLIENTS, settings.phases());
            createPath.ledgerPhase(result, window);
            cpu = createPath.ledgerCpu(GenesysScenarios.create().name(), PROBE_CLIENTS);
            collected.phase(result, PROBE_CLIENTS, "the audit section's own create phase, for its CPU"
                    + (cpu == null ? "" : "; " + cpu.describe()));
            source = "genesys.create at " + PROBE_CLIENTS + " clients (the audit section's own phase)";
        }
        collected.audit(AuditCosts.of(micro.microsPerCreate(), micro.addedMicros(), micro.creates(), cpu, source,
                signing));
    }

    void checkpointLatency() throws Exception {
        System.err.printf("audit: %d single writes to their first checkpoint...%n", settings.audit().writes());
        CheckpointLatency.Measured measured = CheckpointLatency.measure(api, target, tenantKey,
                settings.audit().writes(), CHECKPOINT_INTERVAL);
        collected.latency("write -> signed checkpoint", measured.writes() + " single writes", measured.latency(),
                String.format(Locale.ROOT, "from the create's 2xx to the first GET /ledger/v1/log/checkpoint "
                        + "(polled every %d ms) covering its leaf; each write after a random pause of up to %d ms; "
                        + "%d not covered within 30 s", CheckpointLatency.POLL_MILLIS, CHECKPOINT_INTERVAL.toMillis(),
                        measured.missed()));
        if (measured.missed() > 0) {
            collected.failed(measured.missed() + " writes were not covered by a checkpoint within 30 s");
        }
    }

    /** Fills the store, waits until the system has signed, published and projected it, then times both reads. */
    void verificationAndExport() throws Exception {
        if (settings.audit().ledgerDbUrl() == null) {
            collected.note("verification and export rates skipped: no --ledger-db-url (the command side's database)");
            return;
        }
        // Both run code nothing else runs: once over the run's own events first, unrecorded, so the JIT has it.
        System.err.println("audit: one unrecorded verification and export first...");
        api.verifyLedger(LIMIT);
        ExportReader.tenant(api, settings.tenantId(), api.checkpointSize());
        if (settings.audit().events() > 0) {
            System.err.printf("audit: filling the store with %,d events...%n", settings.audit().events());
            LedgerFiller.Filled filled = LedgerFiller.fill(settings.audit().ledgerDbUrl(), settings.postgres().user(),
                    settings.postgres().password(), personalDataSecret(), settings.tenantId(), "a" + stamp,
                    settings.audit().events());
            collected.note(filled.describe());
            if (!api.awaitCheckpoint(filled.treeSize(), Duration.ofMinutes(10))) {
                collected.failed("no checkpoint covered the filled events within 10 minutes");
                return;
            }
            System.err.println("audit: waiting for the publisher and the projection to take the new events...");
            JsonNode quiet = api.awaitQuiet(Duration.ofMinutes(15));
            if (quiet == null) {
                collected.note("no reconciliation endpoint: verification may share the CPU with publishing");
            } else if (!quiet.path("consistent").asBoolean(false)) {
                collected.note("reconciliation before the verification: " + quiet.path("differences"));
            }
        }
        long treeSize = api.checkpointSize();
        System.err.printf("audit: whole-ledger verification (tree size %,d)...%n", treeSize);
        long start = System.nanoTime();
        CpuSample before = meter.sample();
        Map<String, Double> partsBefore = meter.parts();
        JsonNode run = api.verifyLedger(LIMIT);
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = run.path("eventsChecked").asLong();
        String verifyCpu = perEvent(meter.sample().since(before), events) + perProcess(partsBefore, meter.parts(),
                events);
        boolean valid = run.path("result").path("valid").asBoolean(false);
        collected.rate("ledger verification", String.format(Locale.ROOT, "%,d events in %.1f s", events, seconds),
                events / seconds, String.format(Locale.ROOT, "POST /ledger/v1/verify, polled until %s: valid %s, "
                                + "%,d sessions, %,d checkpoints; %s; %s", run.path("state").asText(), valid,
                        run.path("sessionsChecked").asLong(), run.path("checkpointsChecked").asLong(), verifyCpu,
                        judge(events / seconds)));
        if (!valid) {
            collected.failed("the whole-ledger verification did not say valid: " + run);
        }
        System.err.printf("audit: tenant export against tree size %,d...%n", treeSize);
        CpuSample exportStart = meter.sample();
        Map<String, Double> exportPartsBefore = meter.parts();
        ExportReader.Exported exported = ExportReader.tenant(api, settings.tenantId(), treeSize);
        String exportCpu = perEvent(meter.sample().since(exportStart), exported.events())
                + perProcess(exportPartsBefore, meter.parts(), exported.events());
        collected.rate("tenant export", String.format(Locale.ROOT, "%,d events in %.1f s", exported.events(),
                exported.seconds()), exported.eventsPerSecond(), "GET /ledger/v1/export?treeSize=" + treeSize
                + "&tenantId=" + settings.tenantId() + " streamed through the edge: " + exported.describe() + "; "
                + exportCpu + "; " + judge(exported.eventsPerSecond()));
        if (exported.declared() != exported.events() || exported.proofsFailed() > 0 || exported.proofsChecked() == 0) {
            collected.failed("the export is not whole or not right: " + exported.describe());
        }
    }

    private byte[] personalDataSecret() {
        if (settings.audit().personalDataSecret() != null && !settings.audit().personalDataSecret().isBlank()) {
            return Base64.getDecoder().decode(settings.audit().personalDataSecret().trim());
        }
        collected.note("no --personal-data-secret: the filled events' subjects are keyed under a secret of the "
                + "benchmark's own (they verify and export alike, but cannot be erased through the API)");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** CPU per event: what the system's own processes used is what a dedicated machine would need. */
    private static String perEvent(CpuUse use, long events) {
        if (use == null || events <= 0) {
            return "CPU not measured";
        }
        double n = events;
        return String.format(Locale.ROOT, "CPU per event: the system's own processes %s µs, load generator %.1f µs, "
                        + "machine %.1f µs (%.2f cores busy)", use.system() == null ? "-"
                        : String.format(Locale.ROOT, "%.1f", use.system() * 1e6 / n), use.loadGenerator() * 1e6 / n,
                use.machine() * 1e6 / n, use.machine() / use.seconds());
    }

    /** The system's CPU per event by process (where it goes: the database, the command side, the edge...). */
    private static String perProcess(Map<String, Double> before, Map<String, Double> after, long events) {
        if (after.isEmpty() || events <= 0) {
            return "";
        }
        StringBuilder parts = new StringBuilder(" (by process:");
        after.forEach((name, seconds) -> parts.append(String.format(Locale.ROOT, " %s %.1f µs,", name,
                (seconds - before.getOrDefault(name, 0.0)) * 1e6 / events)));
        parts.setLength(parts.length() - 1);
        return parts.append(')').toString();
    }

    private static String judge(double eventsPerSecond) {
        return "target > 100,000 events/s: " + (eventsPerSecond > TARGET_EVENTS_PER_SECOND ? "met" : "**missed**");
    }
}
