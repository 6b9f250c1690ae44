package io.sessionledger.benchmark;

import io.sessionledger.benchmark.load.Phases;
import io.sessionledger.benchmark.reference.PgServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One run's parameters, as given on the command line.
 *
 * @param systemWarmup unrecorded load before the first phase (JIT warm-up)
 * @param readDbUrl the query side's database (lag probe and bulk load); null skips both
 * @param kafka     bootstrap servers for the topic read when the rebuild endpoint is absent; null skips it
 */
public record Settings(URI baseUrl, String adminKey, String apiKey, String tenantId, Phases phases,
                       Duration systemWarmup,
                       List<Integer> createConcurrency, int readConcurrency, double lagRate, long lagPollMicros,
                       int bulkSessions, PgServer postgres, String readDbUrl, String kafka, String topic,
                       boolean reference, Path outDir) {
}
