package io.sessionledger.benchmark.load;

import java.util.Map;

/**
 * One measured phase: successful requests per second and their latency; failures by status code
 * ({@code timeout} and {@code io} for requests that got none). Failures are not in the latency figures.
 */
public record PhaseResult(String scenario, String mode, int concurrency, double seconds, long succeeded,
                          Map<String, Long> errors, Latency latency) {

    public double throughput() {
        return seconds <= 0 ? 0 : succeeded / seconds;
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
