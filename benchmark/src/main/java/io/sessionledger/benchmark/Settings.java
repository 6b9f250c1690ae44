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
 */
public record Settings(URI baseUrl, String adminKey, String apiKey, String tenantId, Phases phases,
                       Duration systemWarmup,
                       List<Integer> createConcurrency, int readConcurrency, double lagRate, long lagPollMicros,
                       int bulkSessions, PgServer postgres, String readDbUrl, String kafka, String topic,
                       long rebuildEvents, int rebuildWarmups, Set<Part> parts, boolean reference, Path outDir) {

    /**
     * The parts of a run, as {@code --only} names them: Genesys creates and reads, each new dialect's group
     * (its creates swept like Genesys ones, its reads at the read concurrency), lag, rebuild, and the reads
     * among the bulk-loaded sessions of all three dialects.
     */
    public enum Part { creates, reads, kore, vectara, lag, rebuild, bulk }

    public boolean runs(Part part) {
        return parts.contains(part);
    }
}
