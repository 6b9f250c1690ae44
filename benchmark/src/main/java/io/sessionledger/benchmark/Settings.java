package io.sessionledger.benchmark;

import io.sessionledger.benchmark.load.Phases;
import io.sessionledger.benchmark.reference.PgServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One run's parameters, as given on the command line.
 *
 * @param systemWarmup unrecorded load before the first phase (JIT warm-up)
 * @param readDbUrl the query side's database (lag probe and bulk load); null skips both
 * @param kafka     bootstrap servers for the topic read when the rebuild endpoint is absent, and for topping the
 *                  topic up before a rebuild; null skips both
 * @param rebuildEvents how many events the topic should hold before the rebuild (0: only what the run wrote)
 * @param rebuildWarmups unrecorded rebuilds before the measured one (JIT warm-up of the bulk path)
 * @param parts     the sections to run ({@code --only}); all by default
 * @param systemPid the launcher's process id: its process tree and its database's backends are the system in the
 *                  CPU figures (null: only the machine's and the load generator's CPU are reported)
 * @param audit     the audit section's parameters
 */
public record Settings(URI baseUrl, String adminKey, String apiKey, String tenantId, Phases phases,
                       Duration systemWarmup,
                       List<Integer> createConcurrency, int readConcurrency, double lagRate, long lagPollMicros,
                       int bulkSessions, PgServer postgres, String readDbUrl, String kafka, String topic,
                       long rebuildEvents, int rebuildWarmups, Set<Part> parts, boolean reference, Path outDir,
                       Long systemPid, Audit audit) {

    /**
     * @param ledgerDbUrl        JDBC URL of the command side's database (the store the section fills); null skips
     *                           the verification and export figures
     * @param personalDataSecret the system's personal-data secret (base64), so the subjects of filled events are
     *                           keyed as the system keys its own; null: a random one (those subjects then cannot be
     *                           erased through the API)
     * @param events             events the store should hold beyond the run's own before verification and export
     * @param writes             single writes timed to their first covering checkpoint
     */
    public record Audit(String ledgerDbUrl, String personalDataSecret, long events, int writes) {
    }

    /**
     * The parts of a run, as {@code --only} names them: Genesys creates and reads, each new dialect's group
     * (its creates swept like Genesys ones, its reads at the read concurrency), lag, rebuild, and the reads
     * among the bulk-loaded sessions of all three dialects, and the audit costs (hashing and sealing per create,
     * whole-ledger verification and export rates, checkpoint latency).
     */
    public enum Part { creates, reads, kore, vectara, lag, rebuild, bulk, audit }

    public boolean runs(Part part) {
        return parts.contains(part);
    }
}
