package io.sessionledger.benchmark.reference;

import io.sessionledger.benchmark.load.Latency;

/** pgbench at one concurrency: committed single-row transactions per second and their latency. */
public record ReferenceResult(int concurrency, double seconds, long transactions, double tps, Latency latency) {
}
