package io.sessionledger.benchmark.report;

import io.sessionledger.benchmark.load.Latency;
import java.util.Map;

/**
 * One line of the results table. {@code throughput} is per second (requests, writes or events; null when
 * the figure is a latency only); {@code latency} in milliseconds (null for a pure rate).
 */
public record Row(String name, String mode, int concurrency, Double throughput, Latency latency,
                  Map<String, Long> errors, Comparison vsReference, String note) {
}
